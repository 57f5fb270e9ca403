package dev.mailcert.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.HostName;
import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.ServiceRecord;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateSearchTest {
    private static final HostName SERVER = new HostName("mail.customer.example");
    private static final HostName DOMAIN = new HostName("customer.example");

    @Test
    void probedAddresses_areThoseProbedNotEveryAddressDnsGave() throws Exception {
        InetAddress probed = InetAddress.getByName("192.0.2.1");
        InetAddress notProbed = InetAddress.getByName("192.0.2.9");
        DnsFindings dns = new DnsFindings(
                new Lookup.Found<>(List.of(probed, notProbed), List.of()),
                new Lookup.NxDomain<>("customer.example"),
                new Lookup.NxDomain<>("customer.example"),
                Map.of(),
                Map.of());

        CandidateSearch search = new CandidateSearch(SERVER, DOMAIN, dns, List.of(probed));

        // a name that reaches only an address never probed cannot be called the same server
        assertThat(search.probedAddresses()).containsExactly(probed);
    }

    @Test
    void dnsFindings_keepTheOrderTheRecordsWereAskedIn() {
        Map<String, Lookup<List<ServiceRecord>>> srv = new LinkedHashMap<>();
        for (String service : CheckRun.SRV_SERVICES) {
            srv.put(service + ".customer.example", new Lookup.NoData<>(service));
        }
        DnsFindings dns = new DnsFindings(
                new Lookup.NxDomain<>("mail.customer.example"),
                new Lookup.NxDomain<>("customer.example"),
                new Lookup.NxDomain<>("customer.example"),
                srv,
                Map.of());

        assertThat(dns.srv().keySet()).containsExactlyElementsOf(srv.keySet());
    }
}
