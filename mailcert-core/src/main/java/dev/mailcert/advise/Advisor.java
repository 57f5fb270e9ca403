package dev.mailcert.advise;

import dev.mailcert.HostName;
import dev.mailcert.diagnose.Candidate;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.diagnose.Evidence;
import dev.mailcert.probe.Endpoint;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a diagnosis into advice: the verdict, one recommendation per protocol and the reasons.
 * Pure: the same diagnosis always gives the same advice.
 *
 * <p>Rules: a protocol is fine when the configured name gets a certificate without problems on
 * one of its endpoints. Otherwise the best verified candidate for that protocol is recommended:
 * a name on the same address whose own handshake had no problems. Implicit TLS is preferred over
 * STARTTLS where both work (RFC 8314 §3.3). Never recommend an unverified name.
 */
public final class Advisor {

    /** Records the mail domain controls that point into the provider: what makes confidence high. */
    private static final Set<Evidence> DOMAIN_CONTROLLED =
            EnumSet.of(Evidence.MX, Evidence.SRV, Evidence.CNAME, Evidence.AUTOCONFIG, Evidence.SAME_PROVIDER);

    private static final Comparator<EndpointResult> IMPLICIT_TLS_FIRST = Comparator.comparing(
                    (EndpointResult e) -> e.endpoint().security() == Security.TLS ? 0 : 1)
            .thenComparingInt(e -> e.endpoint().port());

    private Advisor() {}

    public static Advice advise(Diagnosis diagnosis) {
        List<Recommendation> recommendations = new ArrayList<>();
        List<Protocol> fine = new ArrayList<>();
        List<Protocol> broken = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            List<EndpointResult> results = diagnosis.endpoints(protocol);
            if (results.stream().noneMatch(EndpointResult::handshake)) {
                if (results.stream().anyMatch(Advisor::reached)) {
                    broken.add(protocol);
                }
                continue;
            }
            Optional<EndpointResult> valid = best(validOnEveryAddress(results));
            if (valid.isPresent()) {
                fine.add(protocol);
                recommendations.add(recommend(valid.get(), serverEvidence(diagnosis), Confidence.HIGH));
                continue;
            }
            broken.add(protocol);
            bestCandidate(diagnosis, protocol).ifPresent(recommendations::add);
        }
        Verdict verdict = verdict(diagnosis, fine, broken, recommendations);
        return Explanation.of(diagnosis, verdict, recommendations, broken);
    }

    static Verdict verdict(
            Diagnosis diagnosis, List<Protocol> fine, List<Protocol> broken, List<Recommendation> recommendations) {
        if (diagnosis.endpoints().stream().noneMatch(Advisor::reached)) {
            return Verdict.UNREACHABLE;
        }
        if (broken.isEmpty()) {
            return fine.isEmpty() ? Verdict.UNFIXABLE : Verdict.OK;
        }
        boolean anyFix = recommendations.stream().anyMatch(r -> broken.contains(r.protocol()));
        return anyFix ? Verdict.FIXABLE : Verdict.UNFIXABLE;
    }

    /** The server answered at all: anything but a refused or silent port. */
    static boolean reached(EndpointResult result) {
        Outcome outcome = result.probe().outcome();
        return outcome != Outcome.REFUSED && outcome != Outcome.TIMEOUT;
    }

    /** The strongest verified candidate that works for {@code protocol}, as a recommendation. */
    static Optional<Recommendation> bestCandidate(Diagnosis diagnosis, Protocol protocol) {
        return diagnosis.candidates().stream()
                .filter(Candidate::verified)
                .sorted(Comparator.comparing((Candidate c) -> confidence(c.evidence()))
                        .thenComparing(c -> -c.evidence().size())
                        .thenComparing(Candidate::host))
                .flatMap(c -> best(validOnEveryAddress(c.verification().stream()
                                .filter(e -> e.endpoint().protocol() == protocol)
                                .toList()))
                        .map(e -> recommend(e, c.evidence().stream().sorted().toList(), confidence(c.evidence())))
                        .stream())
                .findFirst();
    }

    /**
     * One result per endpoint (port and security) on which every address that completed a handshake
     * gave a valid certificate: a client may reach any address of the name, so one bad one warns.
     */
    static List<EndpointResult> validOnEveryAddress(List<EndpointResult> results) {
        Map<Endpoint, List<EndpointResult>> byEndpoint = results.stream()
                .filter(EndpointResult::handshake)
                .collect(Collectors.groupingBy(EndpointResult::endpoint, LinkedHashMap::new, Collectors.toList()));
        return byEndpoint.values().stream()
                .filter(same -> same.stream().allMatch(EndpointResult::valid))
                .map(same -> same.get(0))
                .toList();
    }

    static Confidence confidence(Set<Evidence> evidence) {
        return evidence.stream().anyMatch(DOMAIN_CONTROLLED::contains) ? Confidence.HIGH : Confidence.MEDIUM;
    }

    private static List<Evidence> serverEvidence(Diagnosis diagnosis) {
        return switch (diagnosis.serverSource()) {
            case SRV -> List.of(Evidence.SRV);
            case MX -> List.of(Evidence.MX);
            case AUTOCONFIG -> List.of(Evidence.AUTOCONFIG);
            case CONFIGURED, GUESS -> List.of();
        };
    }

    private static Optional<EndpointResult> best(List<EndpointResult> results) {
        return results.stream().min(IMPLICIT_TLS_FIRST);
    }

    private static Recommendation recommend(EndpointResult result, List<Evidence> evidence, Confidence confidence) {
        HostName host = result.host();
        return new Recommendation(
                result.endpoint().protocol(),
                host,
                result.endpoint().port(),
                result.endpoint().security(),
                result.valid(),
                confidence,
                evidence);
    }
}
