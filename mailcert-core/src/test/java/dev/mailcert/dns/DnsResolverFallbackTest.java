package dev.mailcert.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.Deadline;
import dev.mailcert.lab.dns.AuthoritativeDnsServer;
import dev.mailcert.lab.dns.DnsBehaviour;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resolver with two configured servers, as a resolv.conf lists them: a server that fails or stays
 * silent hands the question to the next; NXDOMAIN and NODATA are answers and end it.
 */
class DnsResolverFallbackTest {
    private static final String SOA =
            "customer.example. SOA ns.customer.example. hostmaster.customer.example. 1 3600 600 86400 300\n";
    /** The first server: it fails for some names and does not know new.customer.example or any MX. */
    private static final String FIRST_ZONE = "$TTL 300\n" + SOA + """
            servfail.customer.example. A 192.0.2.1
            refused.customer.example.  A 192.0.2.1
            silent.customer.example.   A 192.0.2.1
            down.customer.example.     A 192.0.2.1
            """;
    /** The second server: it knows everything, with other addresses, so that its answers stand out. */
    private static final String SECOND_ZONE = "$TTL 300\n" + SOA + """
            customer.example.          MX 10 mx.customer.example.
            servfail.customer.example. A 192.0.2.2
            refused.customer.example.  A 192.0.2.2
            silent.customer.example.   A 192.0.2.2
            down.customer.example.     A 192.0.2.2
            new.customer.example.      A 192.0.2.2
            """;

    private static AuthoritativeDnsServer first;
    private static AuthoritativeDnsServer second;
    private static DnsResolver dns;

    @BeforeAll
    static void start() throws Exception {
        InetSocketAddress anyPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        first = AuthoritativeDnsServer.start(
                anyPort,
                FIRST_ZONE,
                DnsBehaviour.normal()
                        .withServfail("servfail.customer.example", "down.customer.example")
                        .withRefused("refused.customer.example")
                        .withSilent("silent.customer.example"));
        second = AuthoritativeDnsServer.start(
                anyPort, SECOND_ZONE, DnsBehaviour.normal().withServfail("down.customer.example"));
        dns = DnsResolver.asking(List.of(first.address(), second.address()));
    }

    @AfterAll
    static void stop() {
        for (AuthoritativeDnsServer server : new AuthoritativeDnsServer[] {first, second}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void servfailFromTheFirstServer_asksTheNext() throws Exception {
        assertThat(dns.addresses("servfail.customer.example", soon()).orElse(List.of()))
                .containsExactly(InetAddress.getByName("192.0.2.2"));
    }

    @Test
    void refusedFromTheFirstServer_asksTheNext() throws Exception {
        assertThat(dns.addresses("refused.customer.example", soon()).orElse(List.of()))
                .containsExactly(InetAddress.getByName("192.0.2.2"));
    }

    @Test
    void silentFirstServer_asksTheNextWithinTheDeadline() throws Exception {
        Duration budget = Duration.ofSeconds(3);
        long start = System.nanoTime();
        Lookup<List<InetAddress>> found = dns.addresses("silent.customer.example", Deadline.after(budget));

        assertThat(found.orElse(List.of())).containsExactly(InetAddress.getByName("192.0.2.2"));
        // the silent server had half of the time, then the next one answered at once (slack for a loaded machine)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(budget.plusSeconds(1));
    }

    @Test
    void nxdomainFromTheFirstServer_isTheAnswer() {
        int before = second.queries();
        assertThat(dns.addresses("new.customer.example", soon()))
                .isEqualTo(new Lookup.NxDomain<>("new.customer.example"));
        assertThat(second.queries()).isEqualTo(before);
    }

    @Test
    void nodataFromTheFirstServer_isTheAnswer() {
        int before = second.queries();
        assertThat(dns.mx("customer.example", soon())).isEqualTo(new Lookup.NoData<>("customer.example"));
        assertThat(second.queries()).isEqualTo(before);
    }

    @Test
    void everyServerFailing_isServfailAndEachIsAskedOnce() {
        int firstBefore = first.queries();
        int secondBefore = second.queries();
        assertThat(dns.mx("down.customer.example", soon()))
                .isEqualTo(new Lookup.ServFail<>("down.customer.example", "SERVFAIL"));
        assertThat(first.queries() - firstBefore).isEqualTo(1);
        assertThat(second.queries() - secondBefore).isEqualTo(1);
    }

    private static Deadline soon() {
        return Deadline.after(Duration.ofSeconds(5));
    }
}
