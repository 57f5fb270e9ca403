package dev.mailcert.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.lab.link.RoundTripTime;
import dev.mailcert.lab.mail.MailService;
import dev.mailcert.lab.pki.Issuer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioTest {

    static Iterable<String> builtInNames() {
        return Scenario.builtInNames();
    }

    @Test
    void theBuiltInScenariosAreListedInOrder() {
        assertThat(Scenario.builtInNames())
                .containsExactly(
                        "shared-hosting",
                        "san-only",
                        "already-right",
                        "self-signed",
                        "sni-dependent",
                        "hostile-markup");
    }

    @ParameterizedTest
    @MethodSource("builtInNames")
    void builtInScenarioLoadsUnderItsOwnNameAndSubnet(String name) {
        Scenario scenario = Scenario.builtIn(name);

        assertThat(scenario.name()).isEqualTo(name);
        String subnet = scenario.dns().getHostAddress().replaceAll("\\.\\d+$", ".");
        assertThat(scenario.servers())
                .allSatisfy(s -> assertThat(s.address().getHostAddress()).startsWith(subnet));
        assertThat(scenario.zone()).contains(scenario.server() + ".");
        assertThat(scenario.recommend().isPresent()).isEqualTo(scenario.expect() == ExpectedVerdict.FIXABLE);
    }

    @Test
    void builtInScenariosUseDistinctSubnets() {
        Set<String> subnets = new HashSet<>();
        for (String name : Scenario.builtInNames()) {
            assertThat(subnets.add(Scenario.builtIn(name).dns().getHostAddress().replaceAll("\\.\\d+$", "")))
                    .as(name)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            shared-hosting, fixable,   srv12.webhost.example
            san-only,       fixable,   mail.hostingco.example
            already-right,  ok,
            self-signed,    unfixable,
            sni-dependent,  fixable,   srv3.sniphost.example
            hostile-markup, ok,
            """)
    void builtInExpectations(String name, String verdict, String recommended) {
        Scenario scenario = Scenario.builtIn(name);

        assertThat(scenario.expect().id()).isEqualTo(verdict);
        assertThat(scenario.recommend().orElse(null)).isEqualTo(recommended);
    }

    @Test
    void sharedHostingIsTheSeedCase() throws Exception {
        Scenario seed = Scenario.builtIn("shared-hosting");

        assertThat(seed.user()).isEqualTo("alice@customer.example");
        assertThat(seed.domain()).isEqualTo("customer.example");
        assertThat(seed.server()).isEqualTo("mail.customer.example");
        assertThat(seed.dns()).isEqualTo(InetAddress.getByName("127.0.10.53"));
        assertThat(seed.certificates().get("webhost-wildcard").names())
                .containsExactly("*.webhost.example", "webhost.example");
        assertThat(seed.servers().get(0).address()).isEqualTo(InetAddress.getByName("127.0.10.7"));
        assertThat(seed.servers().get(0).services()).containsExactlyInAnyOrder(MailService.values());
        assertThat(seed.servers().get(0).starttls()).isTrue();
        assertThat(seed.zone()).contains("7.10.0.127.in-addr.arpa.   PTR   srv12.webhost.example.");
    }

    @Test
    void selfSignedScenarioSignsItsOwnCertificate() {
        assertThat(Scenario.builtIn("self-signed")
                        .certificates()
                        .get("cheaphost-self-signed")
                        .issuer())
                .isEqualTo(Issuer.SELF);
    }

    @Test
    void sniDependentScenarioMapsTheServerNameToItsOwnCertificate() {
        ScenarioServer server = Scenario.builtIn("sni-dependent").servers().get(0);

        assertThat(server.certificate()).isEqualTo("vhost-default");
        assertThat(server.sni()).containsExactly(java.util.Map.entry("srv3.sniphost.example", "srv3"));
    }

    @Test
    void unknownBuiltInNamesTheAvailableOnes() {
        assertThatThrownBy(() -> Scenario.builtIn("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "no built-in scenario 'nope' (available: shared-hosting, san-only, already-right, self-signed, sni-dependent, hostile-markup)");
    }

    @Test
    void loadsAFileWithEveryOptionalField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("custom.yaml");
        Files.writeString(file, """
                name: custom
                description: every knob turned
                user: zed@z.example
                server: mail.z.example
                expect: unfixable
                dns: 127.0.99.53
                rtt: 40ms
                zone: |
                  mail.z.example. A 127.0.99.7
                certificates:
                  old:
                    names: ["mail.z.example", "127.0.99.7"]
                    commonName: Old Certificate
                    issuer: root
                    notBefore: -90d
                    notAfter: -30d
                    keyBits: 1024
                    signature: SHA1withRSA
                    usage: clientAuth
                    sendIntermediate: false
                servers:
                  - address: 127.0.99.7
                    certificate: old
                    services: [imap-tls, smtp-starttls]
                    starttls: false
                    hostname: mx.z.example
                """);

        Scenario scenario = Scenario.load(file);

        var spec = scenario.certificates().get("old");
        assertThat(spec.commonName()).contains("Old Certificate");
        assertThat(spec.issuer()).isEqualTo(Issuer.ROOT);
        assertThat(spec.notAfter()).isEqualTo(java.time.Duration.ofDays(-30));
        assertThat(spec.keyBits()).isEqualTo(1024);
        assertThat(spec.signature().jcaName()).isEqualTo("SHA1withRSA");
        assertThat(spec.sendIntermediate()).isFalse();
        ScenarioServer server = scenario.servers().get(0);
        assertThat(server.services()).containsExactlyInAnyOrder(MailService.IMAP_TLS, MailService.SMTP_STARTTLS);
        assertThat(server.starttls()).isFalse();
        assertThat(server.hostname()).isEqualTo("mx.z.example");
        assertThat(scenario.rtt()).isEqualTo(RoundTripTime.parse("40ms"));
    }

    @Test
    void builtInScenariosRunAtLoopbackSpeed_andWithRttMakesTheSameWorldDistant() {
        for (String name : Scenario.builtInNames()) {
            assertThat(Scenario.builtIn(name).rtt()).as(name).isEqualTo(RoundTripTime.NONE);
        }
        Scenario seed = Scenario.builtIn("shared-hosting");
        Scenario distant = seed.withRtt(RoundTripTime.parse("40ms"));
        assertThat(distant.rtt().value()).isEqualTo(java.time.Duration.ofMillis(40));
        assertThat(distant.withRtt(RoundTripTime.NONE)).isEqualTo(seed);
    }

    @Test
    void theExampleInTheDocumentationIsAValidScenario() throws Exception {
        String doc = Files.readString(Path.of("../docs/scenarios.md"));
        int start = doc.indexOf("```yaml\nname:") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        Scenario scenario = Scenario.parse(example, "docs/scenarios.md");

        assertThat(scenario.servers().get(0).sni()).containsKey("srv12.webhost.example");
    }

    @Test
    void relativeTimes() {
        assertThat(CertificateFields.relative("-30d")).isEqualTo(java.time.Duration.ofDays(-30));
        assertThat(CertificateFields.relative("+12h")).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(CertificateFields.relative("5m")).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(CertificateFields.relative("0")).isZero();
        assertThatThrownBy(() -> CertificateFields.relative("30 days")).hasMessageContaining("'30 days'");
    }
}
