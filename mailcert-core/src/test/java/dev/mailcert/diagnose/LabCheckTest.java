package dev.mailcert.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.HostName;
import dev.mailcert.advise.Advice;
import dev.mailcert.advise.ClientPath;
import dev.mailcert.advise.ClientWarning;
import dev.mailcert.advise.Confidence;
import dev.mailcert.advise.Recommendation;
import dev.mailcert.advise.Verdict;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.discover.DiscoveryPath;
import dev.mailcert.discover.DiscoverySource;
import dev.mailcert.engine.LabEngine;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole checks against the embedded lab: one scenario per behaviour. */
class LabCheckTest {

    record Result(Diagnosis diagnosis, Advice advice) {}

    static Result check(String scenarioName) throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn(scenarioName))) {
            Mailcert mailcert = LabEngine.of(lab).build();
            Scenario s = lab.scenario();
            var result = mailcert.check(CheckRequest.of(Target.parse(s.user()), HostName.parse(s.server())));
            return new Result(result.diagnosis(), result.advice());
        }
    }

    @Test
    void sharedHosting_reverseDnsNameUnderTheWildcardIsRecommendedForEveryProtocol() throws Exception {
        Result r = check("shared-hosting");
        assertThat(r.advice().verdict()).isEqualTo(Verdict.FIXABLE);
        assertThat(r.diagnosis().endpoints())
                .allSatisfy(e -> assertThat(e.problems()).containsExactly(CertificateProblem.HOSTNAME_MISMATCH));
        assertThat(r.advice().recommendations())
                .extracting(Recommendation::protocol)
                .containsExactly(Protocol.IMAP, Protocol.POP3, Protocol.SMTP);
        assertThat(r.advice().recommendations()).allSatisfy(rec -> {
            assertThat(rec.host().value()).isEqualTo("srv12.webhost.example");
            assertThat(rec.verified()).isTrue();
            assertThat(rec.security()).isEqualTo(Security.TLS);
            assertThat(rec.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(rec.evidence())
                    .extracting(e -> e.id())
                    .contains("ptr", "forward-confirmed", "san-wildcard", "same-provider");
        });
        assertThat(r.advice().recommendations())
                .extracting(Recommendation::port)
                .containsExactly(10993, 10995, 10465);
    }

    @Test
    void sharedHosting_theDomainsOwnAutoconfigAndAutodiscoverLeadToTheWarning() throws Exception {
        Result r = check("shared-hosting");
        List<ClientPath> published = r.advice().clientPaths().stream()
                .filter(p -> p.path().source() == DiscoverySource.AUTOCONFIG
                        || p.path().source() == DiscoverySource.AUTODISCOVER)
                .filter(p -> !p.settings().isEmpty())
                .toList();
        assertThat(published)
                .extracting(p -> p.path().source())
                .contains(DiscoverySource.AUTOCONFIG, DiscoverySource.AUTODISCOVER);
        assertThat(published).flatMap(ClientPath::settings).allSatisfy(s -> {
            assertThat(s.server().host()).isEqualTo("mail.customer.example");
            assertThat(s.warning()).isEqualTo(ClientWarning.WARNS);
        });
        assertThat(r.advice().why())
                .anyMatch(line -> line.contains("Your domain publishes autoconfig and Autodiscover settings"));
        // the ISP database is online only: skipped, never asked
        assertThat(r.advice().clientPaths())
                .filteredOn(p -> p.path().source() == DiscoverySource.ISPDB)
                .allSatisfy(p -> assertThat(p.path().outcome()).isEqualTo(DiscoveryPath.Result.SKIPPED));
    }

    @Test
    void alreadyRight_thePublishedAutoconfigLeadsToNoWarning() throws Exception {
        Result r = check("already-right");
        assertThat(r.advice().clientPaths())
                .filteredOn(p -> p.path().source() == DiscoverySource.AUTOCONFIG)
                .flatMap(ClientPath::settings)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.warning()).isEqualTo(ClientWarning.NONE));
    }

    @Test
    void sanOnly_aNameFoundOnlyInTheCertificateIsVerifiedAndRecommended() throws Exception {
        Result r = check("san-only");
        assertThat(r.advice().verdict()).isEqualTo(Verdict.FIXABLE);
        assertThat(r.advice().recommendations()).isNotEmpty().allSatisfy(rec -> {
            assertThat(rec.host().value()).isEqualTo("mail.hostingco.example");
            assertThat(rec.evidence()).extracting(e -> e.id()).contains("san").doesNotContain("ptr");
        });
    }

    @Test
    void alreadyRight_theConfiguredNameIsKept() throws Exception {
        Result r = check("already-right");
        assertThat(r.advice().verdict()).isEqualTo(Verdict.OK);
        assertThat(r.advice().recommendations())
                .isNotEmpty()
                .allSatisfy(
                        rec -> assertThat(rec.host()).isEqualTo(r.diagnosis().server()));
    }

    @Test
    void selfSigned_noNameOnTheServerCanBeTrustedSoTheProviderMustAct() throws Exception {
        Result r = check("self-signed");
        assertThat(r.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
        assertThat(r.advice().recommendations()).isEmpty();
        assertThat(r.diagnosis().endpoints())
                .allSatisfy(e -> assertThat(e.problems()).contains(CertificateProblem.SELF_SIGNED));
        assertThat(r.advice().askProvider()).anyMatch(line -> line.contains("self-signed"));
    }

    @Test
    void sniDependent_theCandidateIsVerifiedWithItsOwnServerName() throws Exception {
        Result r = check("sni-dependent");
        assertThat(r.advice().verdict()).isEqualTo(Verdict.FIXABLE);
        assertThat(r.advice().recommendations())
                .isNotEmpty()
                .allSatisfy(rec -> assertThat(rec.host().value()).isEqualTo("srv3.sniphost.example"));
        // the configured name still gets the default certificate: the fix depends on sending the right SNI
        assertThat(r.diagnosis().endpoints())
                .allSatisfy(e -> assertThat(e.problems()).contains(CertificateProblem.HOSTNAME_MISMATCH));
    }

    @Test
    void unknownName_isUnreachableWithTheDnsFindingInPlainWords() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"))) {
            Mailcert mailcert = LabEngine.of(lab)
                    .discovery(false)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            var request = CheckRequest.of(Target.parse("customer.example"), HostName.parse("nope.customer.example"));
            Advice advice = mailcert.check(request).advice();
            assertThat(advice.verdict()).isEqualTo(Verdict.UNREACHABLE);
            assertThat(advice.why()).anyMatch(line -> line.contains("does not exist"));
        }
    }
}
