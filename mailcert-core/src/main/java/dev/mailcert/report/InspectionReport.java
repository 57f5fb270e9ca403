package dev.mailcert.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailcert.Printable;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.cert.CertificateSummary;
import dev.mailcert.cert.Inspection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The report of {@code inspect}: a chain judged offline, as text for a person or as JSON. */
public final class InspectionReport {

    private InspectionReport() {}

    /**
     * The verdict and what it means in one line, the codes, then why (one line per finding, built from
     * names already made printable), then the chain as built with the missing link, if any, named.
     */
    public static String text(Inspection inspection, String host, Instant when, String trustSource) {
        StringBuilder out = new StringBuilder();
        String name = Printable.of(host);
        if (inspection.valid()) {
            out.append("VALID  the certificate is valid for ").append(name).append(".\n");
        } else {
            out.append("NOT VALID  ")
                    .append(name)
                    .append(": ")
                    .append(inspection.problems().stream()
                            .map(CertificateProblem::plain)
                            .collect(Collectors.joining("; ")))
                    .append(".\n");
            out.append("  Problems: ")
                    .append(inspection.problems().stream()
                            .map(CertificateProblem::code)
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        out.append("\nWhy\n");
        inspection.explanation().forEach(line -> out.append("  - ").append(line).append('\n'));
        out.append("\nChain as built (leaf first; checked at ")
                .append(when)
                .append("; trusted: ")
                .append(Printable.of(trustSource))
                .append(")\n");
        List<CertificateSummary> path = inspection.chain();
        for (int i = 0; i < path.size(); i++) {
            CertificateSummary c = path.get(i);
            out.append("  ")
                    .append(i + 1)
                    .append(". ")
                    .append(Printable.of(c.subject()))
                    .append('\n');
            out.append("     issued by ")
                    .append(Printable.of(c.issuer()))
                    .append(", valid ")
                    .append(c.notBefore())
                    .append(" to ")
                    .append(c.notAfter())
                    .append('\n');
            List<String> names = new ArrayList<>(c.dnsNames());
            names.addAll(c.ipAddresses());
            if (!names.isEmpty()) {
                out.append("     names ")
                        .append(Printable.of(String.join(", ", names)))
                        .append('\n');
            }
        }
        CertificateSummary last = path.get(path.size() - 1);
        boolean issuerOnPath = path.stream().anyMatch(c -> c.subject().equals(last.issuer()));
        if (inspection.problems().contains(CertificateProblem.INCOMPLETE_CHAIN) && !issuerOnPath) {
            out.append("  ")
                    .append(path.size() + 1)
                    .append(". missing: ")
                    .append(Printable.of(last.issuer()))
                    .append(" (neither sent by the server nor trusted)\n");
        }
        return out.toString();
    }

    public static String json(Inspection inspection) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("valid", inspection.valid());
        var problems = root.putArray("problems");
        inspection.problems().forEach(p -> problems.add(p.code()));
        JsonReport.certificate(root.putObject("certificate"), inspection.certificate());
        var chain = root.putArray("chain");
        inspection.chain().forEach(c -> JsonReport.certificate(chain.addObject(), c));
        var explanation = root.putArray("explanation");
        inspection.explanation().forEach(explanation::add);
        return PrettyJson.write(root) + "\n";
    }
}
