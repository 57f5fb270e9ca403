package dev.mailcert.cert;

import dev.mailcert.BadInputException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assesses the chain a server sent for the name a client asked for, and says every problem a mail
 * client would complain about (codes in {@link CertificateProblem}).
 *
 * <pre>{@code
 * Assessment a = new CertificateAssessor(TrustAnchors.system())
 *         .assess(handshake.chain(), "mail.customer.example", Instant.now());
 * if (!a.valid()) a.explanation().forEach(System.out::println);
 * }</pre>
 *
 * <ol>
 *   <li>The name: {@link HostnameMatcher} (RFC 9525) -> hostname-mismatch.</li>
 *   <li>The leaf's validity at {@code at}, both ends inclusive (RFC 5280 §4.1.2.5) -> expired, not-yet-valid.</li>
 *   <li>A leaf that is itself a trust anchor (a pinned certificate) needs no path: its name, its dates and
 *       the rules every certificate obeys ({@code PathRules.ownRules}) are judged.</li>
 *   <li>Otherwise {@link PathBuilder} finds the candidate paths and {@link PathRules} classifies each; the
 *       path reported is the best one: ending at a trust anchor before ending at an untrusted root before
 *       a missing issuer, then the fewest problems, then the shortest.</li>
 * </ol>
 */
public final class CertificateAssessor {

    private static final Set<CertificateProblem> CHAIN_PROBLEMS = EnumSet.of(
            CertificateProblem.SELF_SIGNED,
            CertificateProblem.UNTRUSTED_ROOT,
            CertificateProblem.INCOMPLETE_CHAIN,
            CertificateProblem.INVALID_CHAIN);
    private static final int CHAIN_SHOWN = 10;

    private final TrustAnchors trust;

    public CertificateAssessor(TrustAnchors trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    /**
     * @param served        the certificates as the server sent them, leaf first (at most 100 are considered)
     * @param referenceName the host name (any case, trailing dot, U-labels) or IPv4/IPv6 literal asked for
     * @param at            the evaluation time
     * @throws BadInputException when there is no certificate or the reference name is not a name
     */
    public Assessment assess(List<X509Certificate> served, String referenceName, Instant at) {
        return assess(served, List.of(), referenceName, at);
    }

    /**
     * Like {@link #assess(List, String, Instant)}, when some certificates the server sent (not the leaf)
     * are DER that the JDK refuses: each is invalid-chain, and the path is built from the others.
     */
    Assessment assess(
            List<X509Certificate> served, List<RefusedCertificate> refused, String referenceName, Instant at) {
        Objects.requireNonNull(at, "at");
        List<X509Certificate> considered = served == null
                ? List.of()
                : served.stream()
                        .filter(Objects::nonNull)
                        .limit(PathBuilder.MAX_SERVED)
                        .toList();
        if (considered.isEmpty()) {
            throw new BadInputException("there is no certificate to assess");
        }
        X509Certificate leaf = considered.get(0);
        List<Finding> findings = new ArrayList<>();
        refused.forEach(r -> findings.add(r.finding()));

        NameMatch name = HostnameMatcher.match(referenceName, leaf);
        if (!name.matches()) {
            findings.add(new Finding(CertificateProblem.HOSTNAME_MISMATCH, name.reason()));
        }
        if (CertificateFacts.expiredAt(leaf, at)) {
            findings.add(new Finding(
                    CertificateProblem.EXPIRED,
                    "The certificate expired on " + leaf.getNotAfter().toInstant() + " (checked at " + at + ")."));
        } else if (CertificateFacts.notYetValidAt(leaf, at)) {
            findings.add(new Finding(
                    CertificateProblem.NOT_YET_VALID,
                    "The certificate is valid only from " + leaf.getNotBefore().toInstant() + " (checked at " + at
                            + ")."));
        }

        PathBuilder builder = new PathBuilder(trust, considered);
        List<X509Certificate> path;
        if (builder.isAnchor(leaf)) {
            path = List.of(leaf);
            findings.addAll(PathRules.ownRules(leaf));
        } else {
            PathRules rules = new PathRules(at, trust.source(), considered.size() + refused.size(), builder, refused);
            Evaluated best = builder.pathsFrom(leaf).stream()
                    .map(candidate -> new Evaluated(candidate, rules.check(candidate)))
                    .min(Comparator.comparingInt((Evaluated e) -> e.path().end().ordinal())
                            .thenComparingInt(Evaluated::distinctProblems)
                            .thenComparingInt(e -> e.path().certificates().size()))
                    .orElseThrow();
            findings.addAll(best.findings());
            path = best.path().certificates();
        }
        return new Assessment(problems(findings), path, explanation(findings, considered, name, path));
    }

    private record Evaluated(CandidatePath path, List<Finding> findings) {
        int distinctProblems() {
            return (int) findings.stream().map(Finding::problem).distinct().count();
        }
    }

    private static List<CertificateProblem> problems(List<Finding> findings) {
        EnumSet<CertificateProblem> problems = EnumSet.noneOf(CertificateProblem.class);
        findings.forEach(f -> problems.add(f.problem()));
        return List.copyOf(problems);
    }

    /** Plain words first, in the order of the problem codes; the chain as sent when a chain problem needs it. */
    private List<String> explanation(
            List<Finding> findings, List<X509Certificate> served, NameMatch name, List<X509Certificate> path) {
        List<String> lines = new ArrayList<>();
        if (findings.isEmpty()) {
            lines.add(name.reason());
            X509Certificate last = path.get(path.size() - 1);
            lines.add("The certificate chains to the trusted authority " + CertificateFacts.subject(last)
                    + " (trusted: " + trust.source() + ") and is within its validity period.");
            return lines;
        }
        findings.stream()
                .sorted(Comparator.comparing(Finding::problem))
                .map(Finding::explanation)
                .distinct()
                .forEach(lines::add);
        if (findings.stream().anyMatch(f -> CHAIN_PROBLEMS.contains(f.problem()))) {
            lines.add(chainAsSent(served));
        }
        return lines;
    }

    private static String chainAsSent(List<X509Certificate> served) {
        String shown = served.stream()
                .limit(CHAIN_SHOWN)
                .map(c -> CertificateFacts.subject(c) + " issued by " + CertificateFacts.issuer(c))
                .collect(Collectors.joining("; "));
        String more = served.size() > CHAIN_SHOWN ? "; and " + (served.size() - CHAIN_SHOWN) + " more" : "";
        return "Chain as sent (leaf first): " + shown + more + ".";
    }
}
