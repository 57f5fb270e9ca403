package dev.mailcert.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.Deadline;
import dev.mailcert.HostName;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.discover.DiscoveryPath.Result;
import dev.mailcert.dns.Dns;
import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.MxHost;
import dev.mailcert.dns.ServiceRecord;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The discoverer with in-memory DNS and web: no sockets at all. */
class DiscovererTest {
    private static final String ISPDB_ANSWER = """
            <clientConfig version="1.1"><emailProvider id="bighost.example">
            <incomingServer type="imap"><hostname>imap.bighost.example</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
            <outgoingServer type="smtp"><hostname>smtp.bighost.example</hostname><port>465</port><socketType>SSL</socketType></outgoingServer>
            </emailProvider></clientConfig>""";

    /** MX of every domain is mx1.bighost.example (10) and mx0.other.example (20); nothing else exists. */
    private static final Dns MX_ONLY = new Dns() {
        @Override
        public Lookup<List<InetAddress>> addresses(String host, Deadline deadline) {
            return new Lookup.NxDomain<>(host);
        }

        @Override
        public Lookup<List<MxHost>> mx(String domain, Deadline deadline) {
            return new Lookup.Found<>(
                    List.of(new MxHost(20, "mx0.other.example"), new MxHost(10, "mx1.bighost.example")), List.of());
        }

        @Override
        public Lookup<List<ServiceRecord>> srv(String name, Deadline deadline) {
            return new Lookup.NoData<>(name);
        }

        @Override
        public Lookup<List<String>> ptr(InetAddress address, Deadline deadline) {
            return new Lookup.NxDomain<>(address.getHostAddress());
        }

        @Override
        public Lookup<List<String>> ns(String domain, Deadline deadline) {
            return new Lookup.NoData<>(domain);
        }
    };

    /** Answers the ISP database for bighost.example and 404 for everything else; records what was asked. */
    private static final class IspDatabase implements WebClient {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public WebResponse get(URI uri, Instant at, Deadline deadline) {
            asked.add(uri.toString());
            return uri.toString().equals("https://autoconfig.thunderbird.net/v1.1/bighost.example")
                    ? WebResponse.answered(200, ISPDB_ANSWER.getBytes(StandardCharsets.UTF_8), uri.toString())
                    : WebResponse.answered(404, new byte[0], uri.toString());
        }

        @Override
        public WebResponse post(URI uri, byte[] body, String contentType, Instant at, Deadline deadline) {
            asked.add(uri.toString());
            return WebResponse.answered(404, new byte[0], uri.toString());
        }
    }

    @Test
    void ispdbByMx_asksForTheRegistrableDomainOfTheMostPreferredMx() {
        var web = new IspDatabase();
        Discovery d = new Discoverer(MX_ONLY, web, false)
                .discover(
                        "gina@small.example",
                        HostName.parse("small.example"),
                        Discoverer.HTTPS_PORT,
                        Instant.now(),
                        Deadline.after(Duration.ofSeconds(5)));

        DiscoveryPath byMx = d.paths(DiscoverySource.ISPDB_MX).get(0);
        assertThat(byMx.outcome()).isEqualTo(Result.FOUND);
        assertThat(byMx.location()).isEqualTo("https://autoconfig.thunderbird.net/v1.1/bighost.example");
        assertThat(byMx.servers())
                .extracting(ServerSetting::host)
                .containsExactly("imap.bighost.example", "smtp.bighost.example");
        assertThat(d.paths(DiscoverySource.ISPDB).get(0).outcome()).isEqualTo(Result.NOT_FOUND);
        assertThat(d.hostNames()).startsWith("imap.bighost.example");
    }

    @Test
    void offline_neverAsksTheIspDatabase() {
        var web = new IspDatabase();
        Discovery d = new Discoverer(MX_ONLY, web, true)
                .discover(
                        "gina@small.example",
                        HostName.parse("small.example"),
                        Discoverer.HTTPS_PORT,
                        Instant.now(),
                        Deadline.after(Duration.ofSeconds(5)));

        assertThat(d.paths(DiscoverySource.ISPDB))
                .singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo(Result.SKIPPED));
        assertThat(d.paths(DiscoverySource.ISPDB_MX))
                .singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo(Result.SKIPPED));
        assertThat(web.asked).noneMatch(url -> url.contains("thunderbird"));
    }

    @Test
    void aWebClientThatNeverReturns_costsNoMoreThanTheDeadline() {
        WebClient stuck = new WebClient() {
            @Override
            public WebResponse get(URI uri, Instant at, Deadline deadline) {
                return sleepForever();
            }

            @Override
            public WebResponse post(URI uri, byte[] body, String contentType, Instant at, Deadline deadline) {
                return sleepForever();
            }

            private WebResponse sleepForever() {
                try {
                    Thread.sleep(Duration.ofMinutes(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return WebResponse.unanswered(WebResponse.Kind.FAILED, "x", "interrupted");
            }
        };
        long start = System.nanoTime();
        Discovery d = new Discoverer(MX_ONLY, stuck, true)
                .discover(
                        "gina@small.example",
                        HostName.parse("small.example"),
                        Discoverer.HTTPS_PORT,
                        Instant.now(),
                        Deadline.after(Duration.ofMillis(500)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(d.paths(DiscoverySource.AUTOCONFIG).get(0).outcome()).isEqualTo(Result.TIMEOUT);
        assertThat(d.paths(DiscoverySource.MX).get(0).outcome()).isEqualTo(Result.FOUND);
    }

    @Test
    void portOffset_movesTheDomainsOwnHostsButNeverTheIspDatabase() {
        var web = new IspDatabase();
        Discovery d = new Discoverer(MX_ONLY, web, false)
                .discover(
                        "gina@small.example",
                        HostName.parse("small.example"),
                        Discoverer.HTTPS_PORT + 10000,
                        Instant.now(),
                        Deadline.after(Duration.ofSeconds(5)));

        assertThat(d.paths(DiscoverySource.ISPDB).get(0).location())
                .isEqualTo("https://autoconfig.thunderbird.net/v1.1/small.example");
        assertThat(d.paths(DiscoverySource.ISPDB_MX).get(0).location())
                .isEqualTo("https://autoconfig.thunderbird.net/v1.1/bighost.example");
        assertThat(d.paths(DiscoverySource.AUTOCONFIG).get(0).location())
                .startsWith("https://autoconfig.small.example:10443/");
        assertThat(web.asked)
                .filteredOn(url -> url.contains("thunderbird"))
                .hasSize(2)
                .allSatisfy(url -> assertThat(URI.create(url).getPort()).isEqualTo(-1));
        assertThat(web.asked)
                .filteredOn(url -> !url.contains("thunderbird"))
                .isNotEmpty()
                .allSatisfy(url -> assertThat(URI.create(url).getPort()).isEqualTo(10443));
    }
}
