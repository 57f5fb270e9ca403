package dev.mailcert.diagnose;

import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.MxHost;
import dev.mailcert.dns.ServiceRecord;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What DNS said about the mail domain and the configured server: every outcome kept as it was
 * (found, NXDOMAIN, NODATA, SERVFAIL, timeout) so the report can say which one happened.
 * {@code srv} is keyed by the full SRV name ({@code _imaps._tcp.customer.example}), {@code ptr}
 * by the probed address.
 */
public record DnsFindings(
        Lookup<List<InetAddress>> serverAddresses,
        Lookup<List<MxHost>> mx,
        Lookup<List<String>> ns,
        Map<String, Lookup<List<ServiceRecord>>> srv,
        Map<InetAddress, Lookup<List<String>>> ptr) {

    public DnsFindings {
        // in the order asked, so names and report lines come out the same on every run
        srv = Collections.unmodifiableMap(new LinkedHashMap<>(srv));
        ptr = Collections.unmodifiableMap(new LinkedHashMap<>(ptr));
    }

    /** The configured name's CNAME chain (aliases followed to reach its addresses). */
    public List<String> cnameChain() {
        return serverAddresses instanceof Lookup.Found<List<InetAddress>> f ? f.cnameChain() : List.of();
    }

    public List<InetAddress> addresses() {
        return serverAddresses.orElse(List.of());
    }
}
