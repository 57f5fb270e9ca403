package dev.mailcert.advise;

import static dev.mailcert.advise.Diagnoses.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.diagnose.Candidate;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdvisorTest {

    private static final Candidate PTR_ONLY =
            candidate("srv12.webhost.example", "ptr forward-confirmed san-wildcard", "imap pop3 smtp");
    private static final Candidate WITH_MX =
            candidate("srv12.webhost.example", "ptr forward-confirmed san-wildcard same-provider", "imap pop3 smtp");
    private static final Candidate IMAP_ONLY = candidate("imap.webhost.example", "san same-provider", "imap");

    @ParameterizedTest(name = "[{index}] {0} with candidate {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // server state per protocol                                   | candidate | verdict     | recommended
                // hosts per protocol
                "imap=valid pop3=valid smtp=valid                               | none      | ok          | imap:mail.customer.example pop3:mail.customer.example smtp:mail.customer.example",
                "imap=valid pop3=refused smtp=valid                             | none      | ok          | imap:mail.customer.example smtp:mail.customer.example",
                "imap=hostname-mismatch pop3=hostname-mismatch smtp=hostname-mismatch | ptr | fixable     | imap:srv12.webhost.example pop3:srv12.webhost.example smtp:srv12.webhost.example",
                "imap=valid pop3=valid smtp=hostname-mismatch                   | ptr       | fixable     | imap:mail.customer.example pop3:mail.customer.example smtp:srv12.webhost.example",
                "imap=hostname-mismatch pop3=hostname-mismatch smtp=hostname-mismatch | none | unfixable  | ",
                "imap=self-signed pop3=self-signed smtp=self-signed             | none      | unfixable   | ",
                "imap=hostname-mismatch pop3=hostname-mismatch smtp=hostname-mismatch | imap-only | fixable | imap:imap.webhost.example",
                "imap=refused pop3=timeout smtp=refused                         | none      | unreachable | ",
                "imap=refused pop3=refused smtp=refused                         | ptr       | unreachable | ",
                "imap=starttls-unavailable pop3=refused smtp=refused            | none      | unfixable   | ",
            })
    void advise_decidesVerdictAndRecommendations(String states, String candidate, String verdict, String expected) {
        var diagnosis = switch (candidate) {
            case "ptr" -> Diagnoses.of(states, PTR_ONLY);
            case "imap-only" -> Diagnoses.of(states, IMAP_ONLY);
            default -> Diagnoses.of(states);
        };
        Advice advice = Advisor.advise(diagnosis);
        assertThat(advice.verdict().id()).isEqualTo(verdict);
        String hosts = advice.recommendations().stream()
                .map(r -> r.protocol().id() + ":" + r.host())
                .collect(Collectors.joining(" "));
        assertThat(hosts).isEqualTo(expected == null ? "" : expected);
        assertThat(advice.recommendations()).allMatch(Recommendation::verified);
    }

    @Test
    void advise_anMxRelayWithACertificateProblemIsReportedButLeavesTheVerdict() {
        Diagnosis ok = Diagnoses.of("imap=valid pop3=valid smtp=valid");
        var relay = Diagnoses.result(
                dev.mailcert.HostName.parse("mx.webhost.example"), dev.mailcert.probe.Endpoint.relay(0), "expired");
        Diagnosis withRelay = new Diagnosis(
                ok.request(),
                ok.settings(),
                ok.server(),
                ok.serverSource(),
                ok.dns(),
                ok.discovery(),
                ok.endpoints(),
                ok.candidates(),
                java.util.List.of(relay),
                ok.refused(),
                ok.notes(),
                ok.elapsed());
        Advice advice = Advisor.advise(withRelay);
        assertThat(advice.verdict()).isEqualTo(Verdict.OK);
        assertThat(advice.why())
                .anyMatch(
                        line -> line.startsWith("mx.webhost.example (MX, 127.0.10.7 port 25) has a certificate problem")
                                && line.contains("expired"));
    }

    @Test
    void advise_prefersImplicitTlsOverStarttls() {
        Advice advice = Advisor.advise(Diagnoses.of("imap=valid pop3=valid smtp=valid"));
        assertThat(advice.recommendations())
                .extracting(Recommendation::security)
                .containsOnly(Security.TLS);
        assertThat(advice.recommendations()).extracting(Recommendation::port).containsExactly(993, 995, 465);
    }

    @Test
    void advise_reverseDnsAloneIsMediumConfidence() {
        Advice advice = Advisor.advise(Diagnoses.of("imap=hostname-mismatch", PTR_ONLY));
        assertThat(advice.recommendations())
                .singleElement()
                .satisfies(r -> assertThat(r.confidence()).isEqualTo(Confidence.MEDIUM));
        assertThat(advice.why()).anyMatch(line -> line.contains("Confirm with your provider"));
    }

    @Test
    void advise_aRecordOfTheDomainPointingToTheProviderGivesHighConfidence() {
        Advice advice = Advisor.advise(Diagnoses.of("imap=hostname-mismatch", WITH_MX));
        assertThat(advice.recommendations()).singleElement().satisfies(r -> {
            assertThat(r.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(r.evidence())
                    .extracting(e -> e.id())
                    .containsExactly("ptr", "forward-confirmed", "san-wildcard", "same-provider");
        });
    }

    @Test
    void advise_neverRecommendsACandidateThatFailedItsOwnHandshake() {
        Candidate invalid = candidate("srv12.webhost.example", "ptr forward-confirmed same-provider", "");
        Advice advice = Advisor.advise(Diagnoses.of("imap=hostname-mismatch", invalid));
        assertThat(advice.verdict()).isEqualTo(Verdict.UNFIXABLE);
        assertThat(advice.recommendations()).isEmpty();
        assertThat(advice.askProvider()).isNotEmpty();
    }

    @Test
    void advise_prefersHighConfidenceCandidate() {
        Candidate medium = candidate("aaa.otherhost.example", "ptr forward-confirmed san", "imap");
        Candidate high = candidate("zzz.webhost.example", "san same-provider", "imap");
        Advice advice = Advisor.advise(Diagnoses.of("imap=hostname-mismatch", medium, high));
        assertThat(advice.recommendations())
                .singleElement()
                .satisfies(r -> assertThat(r.host().value()).isEqualTo("zzz.webhost.example"));
    }

    @Test
    void advise_saysWhichProtocolStaysUnfixed() {
        Advice advice = Advisor.advise(Diagnoses.of("imap=hostname-mismatch smtp=hostname-mismatch", IMAP_ONLY));
        assertThat(advice.verdict()).isEqualTo(Verdict.FIXABLE);
        assertThat(advice.recommendations())
                .extracting(Recommendation::protocol)
                .containsExactly(Protocol.IMAP);
        assertThat(advice.why()).anyMatch(line -> line.contains("No verified name was found for SMTP"));
    }

    @ParameterizedTest(name = "server from {0}: {1}")
    @CsvSource({
        "AUTOCONFIG, the name a mail client would find in the settings your domain publishes (autoconfig or Autodiscover)",
        "SRV,        the name a mail client would find in your domain's SRV records",
        "MX,         the name a mail client would fall back to (your domain's MX host)",
        "GUESS,      the name a mail client would guess first",
    })
    void advise_saysWhereAChosenServerNameCameFrom(dev.mailcert.diagnose.ServerSource source, String words) {
        Diagnosis configured = Diagnoses.of("imap=valid");
        Diagnosis chosen = new Diagnosis(
                configured.request(),
                configured.settings(),
                configured.server(),
                source,
                configured.dns(),
                configured.discovery(),
                configured.endpoints(),
                configured.candidates(),
                configured.relays(),
                configured.refused(),
                configured.notes(),
                configured.elapsed());

        assertThat(Advisor.advise(chosen).why()).first().asString().contains(words);
        assertThat(Advisor.advise(configured).why()).noneMatch(line -> line.contains("You did not say"));
    }

    @Test
    void advise_unfixableTellsTheProviderWhichNameIsNotCovered() {
        Advice advice = Advisor.advise(Diagnoses.of("imap=hostname-mismatch"));

        assertThat(advice.verdict()).isEqualTo(Verdict.UNFIXABLE);
        assertThat(advice.askProvider())
                .contains(
                        "Tell them: the certificate the server presents for mail.customer.example does not cover mail.customer.example.");
    }
}
