package dev.mailcert.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.HostName;
import dev.mailcert.advise.Advice;
import dev.mailcert.advise.ClientPath;
import dev.mailcert.advise.ClientWarning;
import dev.mailcert.discover.Discoverer;
import dev.mailcert.discover.DiscoveryPath;
import dev.mailcert.discover.DiscoverySource;
import dev.mailcert.discover.HttpsWebClient;
import java.util.List;
import dev.mailcert.advise.Advisor;
import dev.mailcert.advise.Confidence;
import dev.mailcert.advise.Recommendation;
import dev.mailcert.advise.Verdict;
import dev.mailcert.cert.CertificateAssessor;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.dns.DnsResolver;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.probe.ConnectionLimiter;
import dev.mailcert.probe.ProbeLimits;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import dev.mailcert.probe.TlsProber;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whole checks against the embedded lab: one scenario per behaviour. */
class LabCheckTest {

    record Result(Diagnosis diagnosis, Advice advice) {}

    static Result check(String scenarioName) throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn(scenarioName))) {
            var dns = DnsResolver.using(new DnsServer(lab.dnsAddress()));
            var trust = TrustAnchors.of(lab.trustRoots(), "lab root");
            var check = new Check(dns, new ConnectionLimiter(4).wrap(new TlsProber(ProbeLimits.defaults())),
                    new CertificateAssessor(trust), new Discoverer(dns, new HttpsWebClient(dns, trust), true));
            Scenario s = lab.scenario();
            var request = new CheckRequest(Target.parse(s.user()), Optional.of(HostName.parse(s.server())),
                    lab.portOffset(), Duration.ofSeconds(20), Instant.now());
            Diagnosis diagnosis = check.run(request);
            return new Result(diagnosis, Advisor.advise(diagnosis));
        }
    }

    @Test
    void sharedHosting_reverseDnsNameUnderTheWildcardIsRecommendedForEveryProtocol() throws Exception {
        Result r = check("shared-hosting");
        assertThat(r.advice().verdict()).isEqualTo(Verdict.FIXABLE);
        assertThat(r.diagnosis().endpoints()).allSatisfy(e -> assertThat(e.problems())
                .containsExactly(CertificateProblem.HOSTNAME_MISMATCH));
        assertThat(r.advice().recommendations()).extracting(Recommendation::protocol)
                .containsExactly(Protocol.IMAP, Protocol.POP3, Protocol.SMTP);
        assertThat(r.advice().recommendations()).allSatisfy(rec -> {
            assertThat(rec.host().value()).isEqualTo("srv12.webhost.example");
            assertThat(rec.verified()).isTrue();
            assertThat(rec.security()).isEqualTo(Security.TLS);
            assertThat(rec.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(rec.evidence()).extracting(e -> e.id())
                    .contains("ptr", "forward-confirmed", "san-wildcard", "same-provider");
        });
        assertThat(r.advice().recommendations()).extracting(Recommendation::port).containsExactly(10993, 10995, 10465);
    }

    @Test
    void sharedHosting_theDomainsOwnAutoconfigAndAutodiscoverLeadToTheWarning() throws Exception {
        Result r = check("shared-hosting");
        List<ClientPath> published = r.advice().clientPaths().stream()
                .filter(p -> p.path().source() == DiscoverySource.AUTOCONFIG || p.path().source() == DiscoverySource.AUTODISCOVER)
                .filter(p -> !p.settings().isEmpty()).toList();
        assertThat(published).extracting(p -> p.path().source())
                .contains(DiscoverySource.AUTOCONFIG, DiscoverySource.AUTODISCOVER);
        assertThat(published).flatMap(ClientPath::settings).allSatisfy(s -> {
            assertThat(s.server().host()).isEqualTo("mail.customer.example");
            assertThat(s.warning()).isEqualTo(ClientWarning.WARNS);
        });
        assertThat(r.advice().why()).anyMatch(line -> line.contains("Your domain publishes autoconfig and Autodiscover settings"));
        // the ISP database is online only: skipped, never asked
        assertThat(r.advice().clientPaths()).filteredOn(p -> p.path().source() == DiscoverySource.ISPDB)
                .allSatisfy(p -> assertThat(p.path().outcome()).isEqualTo(DiscoveryPath.Outcome.SKIPPED));
    }

    @Test
    void alreadyRight_thePublishedAutoconfigLeadsToNoWarning() throws Exception {
        Result r = check("already-right");
        assertThat(r.advice().clientPaths()).filteredOn(p -> p.path().source() == DiscoverySource.AUTOCONFIG)
                .flatMap(ClientPath::settings).isNotEmpty()
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
        assertThat(r.advice().recommendations()).isNotEmpty()
                .allSatisfy(rec -> assertThat(rec.host()).isEqualTo(r.diagnosis().server()));
    }

    @Test
    void selfSigned_noNameOnTheServerCanBeTrustedSoTheProviderMustAct() throws Exception {
        Result r = check("self-signed");
        assertThat(r.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
        assertThat(r.advice().recommendations()).isEmpty();
        assertThat(r.diagnosis().endpoints()).allSatisfy(e -> assertThat(e.problems()).contains(CertificateProblem.SELF_SIGNED));
        assertThat(r.advice().askProvider()).anyMatch(line -> line.contains("self-signed"));
    }

    @Test
    void sniDependent_theCandidateIsVerifiedWithItsOwnServerName() throws Exception {
        Result r = check("sni-dependent");
        assertThat(r.advice().verdict()).isEqualTo(Verdict.FIXABLE);
        assertThat(r.advice().recommendations()).isNotEmpty()
                .allSatisfy(rec -> assertThat(rec.host().value()).isEqualTo("srv3.sniphost.example"));
        // the configured name still gets the default certificate: the fix depends on sending the right SNI
        assertThat(r.diagnosis().endpoints()).allSatisfy(e -> assertThat(e.problems()).contains(CertificateProblem.HOSTNAME_MISMATCH));
    }

    @Test
    void unknownName_isUnreachableWithTheDnsFindingInPlainWords() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"))) {
            var check = new Check(DnsResolver.using(new DnsServer(lab.dnsAddress())),
                    new TlsProber(ProbeLimits.defaults()), new CertificateAssessor(TrustAnchors.of(lab.trustRoots(), "lab")));
            var request = new CheckRequest(Target.parse("customer.example"), Optional.of(HostName.parse("nope.customer.example")),
                    lab.portOffset(), Duration.ofSeconds(10), Instant.now());
            Advice advice = Advisor.advise(check.run(request));
            assertThat(advice.verdict()).isEqualTo(Verdict.UNREACHABLE);
            assertThat(advice.why()).anyMatch(line -> line.contains("does not exist"));
        }
    }
}
