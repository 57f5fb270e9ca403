package dev.mailcert.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.Deadline;
import dev.mailcert.Printable;
import dev.mailcert.lab.dns.AuthoritativeDnsServer;
import dev.mailcert.lab.dns.DnsBehaviour;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resolver against the lab's authoritative server on a loopback port. */
class DnsResolverTest {
    /** The TTL of the test zones\' records. */
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    static final String ZONE = """
            $TTL 300
            customer.example. SOA ns1.webhost.example. hostmaster.webhost.example. 1 3600 600 86400 300
            customer.example. NS ns2.webhost.example.
            customer.example. NS ns1.webhost.example.
            customer.example. MX 20 mx2.webhost.example.
            customer.example. MX 10 mx1.webhost.example.
            customer.example. MX 10 MX0.WebHost.example.
            _imaps._tcp.customer.example. SRV 10 5 993 srv12.webhost.example.
            _imaps._tcp.customer.example. SRV 0 1 993 imap.webhost.example.
            _imaps._tcp.customer.example. SRV 10 50 10993 srv13.webhost.example.
            _pop3._tcp.customer.example. SRV 0 0 0 .
            mail.customer.example. CNAME www.customer.example.
            www.customer.example. CNAME srv12.webhost.example.
            loop1.customer.example. CNAME loop2.customer.example.
            loop2.customer.example. CNAME loop1.customer.example.
            away.customer.example. CNAME mail.elsewhere.test.
            v4only.customer.example. A 192.0.2.8
            tc.customer.example. A 192.0.2.10
            broken.customer.example. A 192.0.2.11
            slow.customer.example. A 192.0.2.12
            c9.customer.example. A 192.0.2.9
            $GENERATE 1-250 big.customer.example. A 198.51.100.$
            $GENERATE 1-100 big.customer.example. A 203.0.113.$
            srv12.webhost.example. A 192.0.2.7
            srv12.webhost.example. AAAA 2001:db8::7
            7.2.0.192.in-addr.arpa. PTR srv12.webhost.example.
            9.2.0.192.in-addr.arpa. PTR evil\\027[31m.webhost.example.
            1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa. PTR localhost.
            """ + chain(9);

    private static AuthoritativeDnsServer server;
    private static DnsResolver dns;

    @BeforeAll
    static void start() throws Exception {
        DnsBehaviour behaviour = DnsBehaviour.normal()
                .withServfail("broken.customer.example")
                .withSilent("slow.customer.example")
                .withTruncateOverUdp("tc.customer.example");
        server = AuthoritativeDnsServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ZONE, behaviour);
        dns = DnsResolver.using(new DnsServer(server.address()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** c0 -> c1 -> ... -> c{length}: {@code length} CNAMEs before the A record of c9. */
    private static String chain(int length) {
        StringBuilder zone = new StringBuilder();
        for (int i = 0; i < length; i++) {
            zone.append("c")
                    .append(i)
                    .append(".customer.example. CNAME c")
                    .append(i + 1)
                    .append(".customer.example.\n");
        }
        return zone.toString();
    }

    @Test
    void addresses_aAndAaaaWithIpv4First() throws Exception {
        assertThat(dns.addresses("srv12.webhost.example", soon()))
                .isEqualTo(new Lookup.Found<>(
                        List.of(InetAddress.getByName("192.0.2.7"), InetAddress.getByName("2001:db8::7")),
                        List.of(),
                        FIVE_MINUTES));
    }

    @Test
    void addresses_followTheCnameChainAndReportIt() throws Exception {
        assertThat(dns.addresses("Mail.Customer.Example.", soon()))
                .isEqualTo(new Lookup.Found<>(
                        List.of(InetAddress.getByName("192.0.2.7"), InetAddress.getByName("2001:db8::7")),
                        List.of("www.customer.example", "srv12.webhost.example"),
                        FIVE_MINUTES));
    }

    @Test
    void addresses_ofAnIpv4OnlyHostAreFound() throws Exception {
        assertThat(dns.addresses("v4only.customer.example", soon()).orElse(List.of()))
                .containsExactly(InetAddress.getByName("192.0.2.8"));
    }

    @Test
    void addresses_cnameLoopIsFailed() {
        assertThat(dns.addresses("loop1.customer.example", soon()))
                .isEqualTo(new Lookup.Failed<>("loop1.customer.example", "CNAME loop"));
    }

    @Test
    void addresses_chainOfNineCnamesIsTooLong() {
        assertThat(dns.addresses("c0.customer.example", soon()))
                .isEqualTo(new Lookup.Failed<>("c0.customer.example", "CNAME chain too long"));
    }

    @Test
    void addresses_chainOfEightCnamesIsFollowed() {
        assertThat(dns.addresses("c1.customer.example", soon()).orElse(List.of()))
                .hasSize(1);
    }

    @Test
    void addresses_cnameToAnotherServerIsAskedForSeparately() {
        // the lab server is not authoritative for the target: it refuses the second question
        assertThat(dns.addresses("away.customer.example", soon()))
                .isEqualTo(new Lookup.ServFail<>("mail.elsewhere.test", "REFUSED"));
    }

    @Test
    void nxdomainNodataServfailAndTimeoutAreFourDistinctOutcomes() {
        assertThat(dns.addresses("nope.customer.example", soon()))
                .isEqualTo(new Lookup.NxDomain<>("nope.customer.example"));
        assertThat(dns.addresses("customer.example", soon())).isEqualTo(new Lookup.NoData<>("customer.example"));
        assertThat(dns.addresses("broken.customer.example", soon()))
                .isEqualTo(new Lookup.ServFail<>("broken.customer.example", "SERVFAIL"));
        assertThat(dns.addresses("slow.customer.example", Deadline.after(Duration.ofMillis(700))))
                .isEqualTo(new Lookup.Timeout<>("slow.customer.example"));
    }

    @Test
    void silentServerCostsTheDeadlineAndNoMore() {
        Duration budget = Duration.ofMillis(1500);
        long start = System.nanoTime();
        Lookup<List<InetAddress>> outcome = dns.addresses("slow.customer.example", Deadline.after(budget));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(outcome).isInstanceOf(Lookup.Timeout.class);
        // never gives up early; ends by the deadline plus slack for a loaded machine
        assertThat(took).isLessThan(budget.plusSeconds(2)).isGreaterThan(budget.minusMillis(300));
    }

    @Test
    void expiredDeadlineAsksNothing() {
        int before = server.queries();
        assertThat(dns.mx("customer.example", Deadline.after(Duration.ZERO))).isInstanceOf(Lookup.Timeout.class);
        assertThat(server.queries()).isEqualTo(before);
    }

    @Test
    void truncatedUdpAnswerIsRetriedOverTcp() throws Exception {
        int before = server.queries();
        assertThat(dns.addresses("tc.customer.example", soon()).orElse(List.of()))
                .containsExactly(InetAddress.getByName("192.0.2.10"));
        assertThat(server.queries() - before).isEqualTo(4); // A and AAAA, each over UDP then TCP
    }

    @Test
    void hundredsOfAddressesAreBounded() {
        List<InetAddress> addresses =
                dns.addresses("big.customer.example", soon()).orElse(List.of());
        assertThat(addresses).hasSize(DnsResolver.MAX_ADDRESSES).doesNotHaveDuplicates();
    }

    @Test
    void mx_sortedByPreferenceThenHostInLowerCase() {
        assertThat(dns.mx("customer.example", soon()).orElse(List.of()))
                .containsExactly(
                        new MxHost(10, "mx0.webhost.example"),
                        new MxHost(10, "mx1.webhost.example"),
                        new MxHost(20, "mx2.webhost.example"));
    }

    @Test
    void srv_sortedByPriorityThenHeaviestWeight() {
        assertThat(dns.srv("_imaps._tcp.customer.example", soon()).orElse(List.of()))
                .containsExactly(
                        new ServiceRecord(0, 1, 993, "imap.webhost.example"),
                        new ServiceRecord(10, 50, 10993, "srv13.webhost.example"),
                        new ServiceRecord(10, 5, 993, "srv12.webhost.example"));
    }

    @Test
    void srv_dotTargetIsKeptAndMeansNotOffered() {
        List<ServiceRecord> pop3 =
                dns.srv("_pop3._tcp.customer.example", soon()).orElse(List.of());
        assertThat(pop3).containsExactly(new ServiceRecord(0, 0, 0, "."));
        assertThat(pop3.get(0).offered()).isFalse();
    }

    @Test
    void ptr_ofIpv4AndIpv6Addresses() throws Exception {
        assertThat(dns.ptr(InetAddress.getByName("192.0.2.7"), soon()))
                .isEqualTo(new Lookup.Found<>(List.of("srv12.webhost.example"), List.of(), FIVE_MINUTES));
        assertThat(dns.ptr(InetAddress.getByName("::1"), soon()))
                .isEqualTo(new Lookup.Found<>(List.of("localhost"), List.of(), FIVE_MINUTES));
    }

    @Test
    void ptr_missingIsNxdomainOfTheReverseName() throws Exception {
        assertThat(dns.ptr(InetAddress.getByName("192.0.2.200"), soon()))
                .isEqualTo(new Lookup.NxDomain<>("200.2.0.192.in-addr.arpa"));
    }

    @Test
    void ptr_nameWithControlBytesIsReturnedEscapedAndPrintsSafely() throws Exception {
        List<String> names = dns.ptr(InetAddress.getByName("192.0.2.9"), soon()).orElse(List.of());
        assertThat(names).hasSize(1);
        assertThat(names.get(0)).isEqualTo("evil\\027[31m.webhost.example"); // dnsjava's \DDD escape
        assertThat(Printable.of(names.get(0))).doesNotContain("\u001b");
    }

    @Test
    void ns_sorted() {
        assertThat(dns.ns("customer.example", soon()).orElse(List.of()))
                .containsExactly("ns1.webhost.example", "ns2.webhost.example");
    }

    @Test
    void invalidNameIsFailedWithoutAsking() {
        String tooLong = "a".repeat(64) + ".customer.example";
        assertThat(dns.addresses(tooLong, soon())).isInstanceOf(Lookup.Failed.class);
        assertThat(dns.addresses("", soon())).isInstanceOf(Lookup.Failed.class);
    }

    @Test
    void serverThatIsNotThereIsAnOutcomeNotAnException() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = probe.getLocalPort();
        }
        DnsResolver nowhere =
                DnsResolver.using(new DnsServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        long start = System.nanoTime();
        Lookup<List<MxHost>> outcome = nowhere.mx("customer.example", Deadline.after(Duration.ofSeconds(2)));
        assertThat(outcome).isInstanceOfAny(Lookup.Failed.class, Lookup.Timeout.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofSeconds(4)); // deadline + slack for a loaded machine
    }

    @Test
    void manyVirtualThreadsShareOneResolver() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Lookup<List<InetAddress>>>> lookups = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String host = i % 2 == 0 ? "mail.customer.example" : "v4only.customer.example";
                lookups.add(threads.submit(() -> dns.addresses(host, soon())));
            }
            for (Future<Lookup<List<InetAddress>>> lookup : lookups) {
                assertThat(lookup.get().found()).isTrue();
            }
        }
    }

    @Test
    void systemResolverKnowsAtLeastOneServer() {
        assertThat(DnsResolver.system().servers()).isNotEmpty();
    }

    private static Deadline soon() {
        return Deadline.after(Duration.ofSeconds(5));
    }
}
