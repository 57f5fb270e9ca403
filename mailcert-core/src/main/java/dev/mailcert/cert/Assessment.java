package dev.mailcert.cert;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What {@link CertificateAssessor} found for one served chain and one name: the problems (empty when
 * the certificate is fine), the certification path it built (leaf first, ending at the trust anchor
 * when one was reached) and explanation lines for a person, one per finding.
 */
public record Assessment(List<CertificateProblem> problems, List<X509Certificate> path, List<String> explanation) {

    public Assessment {
        problems = List.copyOf(problems);
        path = List.copyOf(path);
        explanation = List.copyOf(explanation);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
