package dev.mailcert.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.Deadline;
import dev.mailcert.HostName;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.discover.DiscoveryPath.Result;
import dev.mailcert.dns.Dns;
import dev.mailcert.dns.DnsResolver;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.probe.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Discovery against the embedded lab: its DNS server and its HTTPS servers, nothing else. */
class DiscovererLabTest {
    /** Away from the default offset, so a lab started elsewhere on this machine does not collide. */
    private static final int OFFSET = 22000;

    private static final String AUTOCONFIG = """
            <?xml version="1.0"?>
            <clientConfig version="1.1"><emailProvider id="provider.example"><domain>well.example</domain>
            <incomingServer type="imap"><hostname>mail.provider.example</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
            <outgoingServer type="smtp"><hostname>mail.provider.example</hostname><port>465</port><socketType>SSL</socketType></outgoingServer>
            </emailProvider></clientConfig>""";
    private static final String AUTODISCOVER = """
            <?xml version="1.0" encoding="utf-8"?>
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
            <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"><Account>
            <AccountType>email</AccountType><Action>settings</Action>
            <Protocol><Type>IMAP</Type><Server>imap.provider.example</Server><Port>993</Port><SSL>on</SSL></Protocol>
            <Protocol><Type>SMTP</Type><Server>imap.provider.example</Server><Port>465</Port><SSL>on</SSL></Protocol>
            </Account></Response></Autodiscover>""";

    /** well.example publishes only the well-known URL, SRV records and Autodiscover via SRV; bad.example a wrong certificate. */
    private static final String PATHS_SCENARIO =
            """
            name: discovery-paths
            description: every discovery path, found, not found and failed
            user: frank@well.example
            server: mail.provider.example
            expect: ok
            dns: 127.0.40.53
            zone: |
              well.example.                       A     127.0.40.9
              well.example.                       MX    10 mx.provider.example.
              _imaps._tcp.well.example.           SRV   0 1 993 mail.provider.example.
              _pop3._tcp.well.example.            SRV   0 0 0 .
              _submissions._tcp.well.example.     SRV   0 1 465 mail.provider.example.
              _autodiscover._tcp.well.example.    SRV   0 0 %d ad.provider.example.
              ad.provider.example.                A     127.0.40.10
              mail.provider.example.              A     127.0.40.7
              mx.provider.example.                A     127.0.40.7
              autoconfig.thunderbird.net.         A     127.0.40.11
              autoconfig.bad.example.             A     127.0.40.12
            certificates:
              provider: { names: ["mail.provider.example", "*.provider.example"] }
              well: { names: ["well.example"] }
              ad: { names: ["ad.provider.example"] }
              ispdb: { names: ["autoconfig.thunderbird.net"] }
            servers:
              - address: 127.0.40.7
                certificate: provider
            web:
              - address: 127.0.40.9
                certificate: well
                autoconfig: |
            %s
              - address: 127.0.40.10
                certificate: ad
                autodiscover: |
            %s
              - address: 127.0.40.11
                certificate: ispdb
              - address: 127.0.40.12
                certificate: provider
                autoconfig: |
            %s
            """.formatted(443 + OFFSET, indent(AUTOCONFIG), indent(AUTODISCOVER), indent(AUTOCONFIG));

    private static String indent(String text) {
        return text.lines().map(line -> "          " + line).collect(Collectors.joining("\n"));
    }

    private static Discovery discover(Lab lab, String address, String domain, boolean offline) {
        Dns dns = DnsResolver.using(new DnsServer(lab.dnsAddress()));
        var web = new HttpsWebClient(dns, TrustAnchors.of(lab.trustRoots(), "lab root"));
        return new Discoverer(dns, web, offline)
                .discover(
                        address,
                        HostName.parse(domain),
                        lab.httpsPort(),
                        Instant.now(),
                        Deadline.after(Duration.ofSeconds(15)));
    }

    private static Map<String, DiscoveryPath> byLocation(Discovery discovery) {
        return discovery.paths().stream().collect(Collectors.toMap(DiscoveryPath::location, p -> p));
    }

    @Test
    void sharedHosting_autoconfigAndAutodiscoverNameTheServerThatWarns() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"), OFFSET)) {
            Discovery d = discover(lab, "alice@customer.example", "customer.example", true);
            String port = ":" + lab.httpsPort();

            assertThat(d.paths())
                    .extracting(DiscoveryPath::source)
                    .containsSubsequence(
                            DiscoverySource.AUTOCONFIG,
                            DiscoverySource.WELL_KNOWN,
                            DiscoverySource.ISPDB,
                            DiscoverySource.ISPDB_MX,
                            DiscoverySource.AUTODISCOVER,
                            DiscoverySource.AUTODISCOVER_SRV,
                            DiscoverySource.SRV,
                            DiscoverySource.MX,
                            DiscoverySource.GUESS);
            DiscoveryPath autoconfig = d.paths(DiscoverySource.AUTOCONFIG).get(0);
            assertThat(autoconfig.location())
                    .isEqualTo("https://autoconfig.customer.example" + port
                            + "/mail/config-v1.1.xml?emailaddress=alice%40customer.example");
            assertThat(autoconfig.outcome()).isEqualTo(Result.FOUND);
            assertThat(autoconfig.servers())
                    .containsExactly(
                            new ServerSetting(Protocol.IMAP, "mail.customer.example", 993, SocketType.SSL),
                            new ServerSetting(Protocol.SMTP, "mail.customer.example", 465, SocketType.SSL));
            Map<String, DiscoveryPath> at = byLocation(d);
            assertThat(at.get("https://autodiscover.customer.example" + port + "/autodiscover/autodiscover.xml")
                            .outcome())
                    .isEqualTo(Result.FOUND);
            assertThat(at.get("https://customer.example" + port + "/autodiscover/autodiscover.xml")
                            .outcome())
                    .isEqualTo(Result.NOT_FOUND);
            assertThat(d.paths(DiscoverySource.WELL_KNOWN).get(0).outcome()).isEqualTo(Result.NOT_FOUND);
            assertThat(d.paths(DiscoverySource.ISPDB).get(0)).satisfies(p -> {
                assertThat(p.outcome()).isEqualTo(Result.SKIPPED);
                assertThat(p.detail()).isEqualTo("offline");
            });
            assertThat(d.paths(DiscoverySource.ISPDB_MX).get(0).outcome()).isEqualTo(Result.SKIPPED);
            assertThat(d.paths(DiscoverySource.SRV))
                    .hasSize(6)
                    .allSatisfy(p -> assertThat(p.outcome()).isEqualTo(Result.NOT_FOUND));
            assertThat(d.paths(DiscoverySource.MX).get(0).servers())
                    .extracting(ServerSetting::host)
                    .containsExactly("mx.webhost.example");
            assertThat(at.get("mail.customer.example").outcome()).isEqualTo(Result.FOUND);
            assertThat(at.get("imap.customer.example").outcome()).isEqualTo(Result.NOT_FOUND);
            assertThat(d.hostNames()).containsExactly("mail.customer.example", "mx.webhost.example");
        }
    }

    @Test
    void alreadyRight_autoconfigNamesTheRightHost() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("already-right"), OFFSET)) {
            Discovery d = discover(lab, null, "bakery.example", true);
            DiscoveryPath autoconfig = d.paths(DiscoverySource.AUTOCONFIG).get(0);
            assertThat(autoconfig.location()).doesNotContain("emailaddress");
            assertThat(autoconfig.servers()).extracting(ServerSetting::host).containsOnly("mail.bakery.example");
            // without an address there is nothing to ask Autodiscover for
            assertThat(d.paths(DiscoverySource.AUTODISCOVER))
                    .allSatisfy(p -> assertThat(p.outcome()).isEqualTo(Result.SKIPPED));
        }
    }

    @Test
    void wellKnownFallbackSrvRecordsAndAutodiscoverBySrv() throws Exception {
        try (Lab lab = Lab.start(Scenario.parse(PATHS_SCENARIO, "discovery-paths.yaml"), OFFSET)) {
            Discovery d = discover(lab, "frank@well.example", "well.example", true);
            Map<String, DiscoveryPath> at = byLocation(d);

            assertThat(d.paths(DiscoverySource.AUTOCONFIG).get(0).outcome()).isEqualTo(Result.NOT_FOUND);
            assertThat(d.paths(DiscoverySource.WELL_KNOWN).get(0)).satisfies(p -> {
                assertThat(p.outcome()).isEqualTo(Result.FOUND);
                assertThat(p.servers()).extracting(ServerSetting::host).containsOnly("mail.provider.example");
            });
            assertThat(at.get("_imaps._tcp.well.example").servers())
                    .containsExactly(new ServerSetting(Protocol.IMAP, "mail.provider.example", 993, SocketType.SSL));
            assertThat(at.get("_pop3._tcp.well.example")).satisfies(p -> {
                assertThat(p.outcome()).isEqualTo(Result.NOT_FOUND);
                assertThat(p.detail()).contains("not offered");
            });
            assertThat(at.get("_submissions._tcp.well.example").outcome()).isEqualTo(Result.FOUND);
            assertThat(d.paths(DiscoverySource.AUTODISCOVER_SRV).get(0)).satisfies(p -> {
                assertThat(p.location())
                        .isEqualTo("https://ad.provider.example:" + lab.httpsPort() + "/autodiscover/autodiscover.xml");
                assertThat(p.outcome()).isEqualTo(Result.FOUND);
                assertThat(p.servers()).extracting(ServerSetting::host).containsOnly("imap.provider.example");
                assertThat(p.detail()).contains("via SRV _autodiscover._tcp.well.example");
            });
            assertThat(d.hostNames()).startsWith("mail.provider.example", "imap.provider.example");
        }
    }

    @Test
    void online_theIspDatabaseIsAskedForTheDomainAndForTheMxProvider_onPort443WhateverTheOffset() throws Exception {
        try (Lab lab = Lab.start(Scenario.parse(PATHS_SCENARIO, "discovery-paths.yaml"), OFFSET)) {
            Discovery d = discover(lab, "frank@well.example", "well.example", false);
            // the lab's DNS sends autoconfig.thunderbird.net to 127.0.40.11, where nothing listens on 443
            String ispdb = "https://autoconfig.thunderbird.net/v1.1/";

            assertThat(d.paths(DiscoverySource.ISPDB).get(0)).satisfies(p -> {
                assertThat(p.location()).isEqualTo(ispdb + "well.example");
                assertThat(p.outcome()).isNotEqualTo(Result.FOUND);
            });
            assertThat(d.paths(DiscoverySource.ISPDB_MX).get(0)).satisfies(p -> {
                assertThat(p.location()).isEqualTo(ispdb + "provider.example");
                assertThat(p.detail()).contains("MX host mx.provider.example");
            });
            assertThat(d.paths(DiscoverySource.WELL_KNOWN).get(0).location()).contains(":" + lab.httpsPort() + "/");
            assertThat(lab.webServers().get(2).requests())
                    .isZero(); // the lab's stand-in on 443 + offset is never asked
        }
    }

    @Test
    void autoconfigHostWithACertificateForOtherNames_failsWithTheProblem() throws Exception {
        try (Lab lab = Lab.start(Scenario.parse(PATHS_SCENARIO, "discovery-paths.yaml"), OFFSET)) {
            Discovery d = discover(lab, "frank@bad.example", "bad.example", true);
            DiscoveryPath autoconfig = d.paths(DiscoverySource.AUTOCONFIG).get(0);
            assertThat(autoconfig.outcome()).isEqualTo(Result.FAILED);
            assertThat(autoconfig.servers()).isEmpty();
            assertThat(autoconfig.detail()).contains("hostname-mismatch", "a mail client would refuse it too");
            assertThat(lab.webServers().get(3).requests())
                    .isZero(); // refused before the request: the address never left
        }
    }
}
