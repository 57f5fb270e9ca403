package dev.mailcert.dns;

import dev.mailcert.Deadline;
import java.net.InetAddress;
import java.util.List;

/**
 * The DNS questions a check asks. Names are absolute, lower-case, without the trailing dot.
 * Implementations never throw for what the network or the DNS server does: every failure is a
 * {@link Lookup} outcome.
 */
public interface Dns {

    /** A and AAAA of {@code host}, following CNAMEs; IPv4 first. */
    Lookup<List<InetAddress>> addresses(String host, Deadline deadline);

    /** MX of {@code domain}, lowest preference first. */
    Lookup<List<MxHost>> mx(String domain, Deadline deadline);

    /** SRV of e.g. {@code _imaps._tcp.example.com}, lowest priority first. */
    Lookup<List<ServiceRecord>> srv(String name, Deadline deadline);

    /** PTR of an address (reverse DNS). */
    Lookup<List<String>> ptr(InetAddress address, Deadline deadline);

    /** NS of {@code domain}. */
    Lookup<List<String>> ns(String domain, Deadline deadline);
}
