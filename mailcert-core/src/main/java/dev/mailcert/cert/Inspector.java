package dev.mailcert.cert;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** Assesses a chain read from a file (the {@code inspect} command) and summarises it for output. */
public final class Inspector {

    private Inspector() {}

    /** {@code served} leaf first as a server would send it; {@code chain} in the result is the path as built. */
    public static Inspection inspect(List<X509Certificate> served, String host, TrustAnchors trust, Instant at) {
        Assessment assessment = new CertificateAssessor(trust).assess(served, host, at);
        List<CertificateSummary> chain = assessment.path().stream().map(CertificateSummary::of).toList();
        return new Inspection(assessment.valid(), assessment.problems(), CertificateSummary.of(assessment.path().get(0)),
                chain, assessment.explanation());
    }
}
