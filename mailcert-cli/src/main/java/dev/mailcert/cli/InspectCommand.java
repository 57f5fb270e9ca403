package dev.mailcert.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailcert.BadInputException;
import dev.mailcert.Printable;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.cert.CertificateSummary;
import dev.mailcert.cert.Inspection;
import dev.mailcert.cert.Inspector;
import dev.mailcert.cert.Pem;
import dev.mailcert.cert.ServedCertificates;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.report.JsonReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Judge a certificate chain from a PEM file for a host name, offline.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHAIN.pem", description = "The chain as the server sends it, leaf first.")
    Path chain;

    @Option(names = "--host", required = true, paramLabel = "NAME", description = "The server name the client uses.")
    String host;

    @Option(names = "--trust", paramLabel = "FILE.pem", description = "Trust exactly the roots in this file.")
    Path trust;

    @Option(names = "--at", paramLabel = "ISO-INSTANT", description = "Judge at this time, e.g. 2026-01-31T12:00:00Z.")
    String at;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        Instant when = at == null ? Instant.now() : instant(at);
        // a DER certificate the JDK refuses is a finding (invalid-chain); only a file without certificates is bad input
        ServedCertificates served = Pem.readServed(chain);
        TrustAnchors anchors = trust == null ? TrustAnchors.system() : TrustAnchors.fromPem(trust);
        Inspection inspection = Inspector.inspect(served, host, anchors, when);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(inspection) : text(inspection, host, when, anchors.source()));
        out.flush();
        return inspection.valid() ? ExitCode.OK.code() : ExitCode.PROBLEMS.code();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--at: not an ISO instant (e.g. 2026-01-31T12:00:00Z): " + Printable.of(text));
        }
    }

    /**
     * The verdict and what it means in one line, the codes, then why (one line per finding, built from
     * names already made printable), then the chain as built with the missing link, if any, named.
     */
    static String text(Inspection inspection, String host, Instant when, String trustSource) {
        StringBuilder out = new StringBuilder();
        String name = Printable.of(host);
        if (inspection.valid()) {
            out.append("VALID  the certificate is valid for ").append(name).append(".\n");
        } else {
            out.append("NOT VALID  ").append(name).append(": ").append(inspection.problems().stream()
                    .map(CertificateProblem::plain).collect(Collectors.joining("; "))).append(".\n");
            out.append("  Problems: ").append(inspection.problems().stream()
                    .map(CertificateProblem::code).collect(Collectors.joining(", "))).append('\n');
        }
        out.append("\nWhy\n");
        inspection.explanation().forEach(line -> out.append("  - ").append(line).append('\n'));
        out.append("\nChain as built (leaf first; checked at ").append(when).append("; trusted: ")
                .append(Printable.of(trustSource)).append(")\n");
        List<CertificateSummary> path = inspection.chain();
        for (int i = 0; i < path.size(); i++) {
            CertificateSummary c = path.get(i);
            out.append("  ").append(i + 1).append(". ").append(Printable.of(c.subject())).append('\n');
            out.append("     issued by ").append(Printable.of(c.issuer())).append(", valid ").append(c.notBefore())
                    .append(" to ").append(c.notAfter()).append('\n');
            List<String> names = new ArrayList<>(c.dnsNames());
            names.addAll(c.ipAddresses());
            if (!names.isEmpty()) {
                out.append("     names ").append(Printable.of(String.join(", ", names))).append('\n');
            }
        }
        CertificateSummary last = path.get(path.size() - 1);
        boolean issuerOnPath = path.stream().anyMatch(c -> c.subject().equals(last.issuer()));
        if (inspection.problems().contains(CertificateProblem.INCOMPLETE_CHAIN) && !issuerOnPath) {
            out.append("  ").append(path.size() + 1).append(". missing: ").append(Printable.of(last.issuer()))
                    .append(" (neither sent by the server nor trusted)\n");
        }
        return out.toString();
    }

    private static String json(Inspection inspection) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("valid", inspection.valid());
        var problems = root.putArray("problems");
        inspection.problems().forEach(p -> problems.add(p.code()));
        JsonReport.certificate(root.putObject("certificate"), inspection.certificate());
        var chain = root.putArray("chain");
        inspection.chain().forEach(c -> JsonReport.certificate(chain.addObject(), c));
        var explanation = root.putArray("explanation");
        inspection.explanation().forEach(explanation::add);
        return root.toPrettyString() + "\n";
    }
}
