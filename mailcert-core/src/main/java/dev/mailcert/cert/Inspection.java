package dev.mailcert.cert;

import java.util.List;

/** The result of {@code mailcert inspect}: the verdict, the problems, the leaf and the path as built. */
public record Inspection(
        boolean valid,
        List<CertificateProblem> problems,
        CertificateSummary certificate,
        List<CertificateSummary> chain,
        List<String> explanation) {

    public Inspection {
        problems = List.copyOf(problems);
        chain = List.copyOf(chain);
        explanation = List.copyOf(explanation);
    }
}
