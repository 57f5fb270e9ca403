package dev.mailcert.cert;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Assesses a chain read from a file (the {@code inspect} command) and summarises it for output. */
public final class Inspector {

    private Inspector() {}

    /** {@code served} leaf first as a server would send it; {@code chain} in the result is the path as built. */
    public static Inspection inspect(List<X509Certificate> served, String host, TrustAnchors trust, Instant at) {
        return inspect(new ServedCertificates(served, List.of()), host, trust, at);
    }

    /**
     * As above, for a chain that may hold certificates the JDK refuses (DER that breaks X.509). Clients
     * refuse such a chain as a whole: invalid-chain. When the leaf itself is refused, nothing else can be
     * judged for it, and the result shows it as read.
     */
    public static Inspection inspect(ServedCertificates served, String host, TrustAnchors trust, Instant at) {
        if (served.leafRefused() || served.usable().isEmpty()) {
            ReferenceName.parse(host); // an invalid --host is still bad input
            List<String> explanation = new ArrayList<>();
            served.refused().forEach(r -> explanation.add(r.finding().explanation()));
            explanation.add("Nothing else can be judged: a certificate the client cannot read covers no name and"
                    + " chains to nothing.");
            CertificateSummary leaf = served.refused().get(0).summary();
            return new Inspection(false, List.of(CertificateProblem.INVALID_CHAIN), leaf, List.of(leaf), explanation);
        }
        Assessment assessment = new CertificateAssessor(trust).assess(served.usable(), served.refused(), host, at);
        List<CertificateSummary> chain =
                assessment.path().stream().map(CertificateSummary::of).toList();
        return new Inspection(
                assessment.valid(),
                assessment.problems(),
                CertificateSummary.of(assessment.path().get(0)),
                chain,
                assessment.explanation());
    }
}
