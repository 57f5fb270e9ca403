package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.Printable;
import dev.mailcert.cert.Inspection;
import dev.mailcert.cert.Pem;
import dev.mailcert.cert.ServedCertificates;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.report.InspectionReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
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
        Mailcert.Builder engine = Mailcert.builder().clock(Clock.fixed(when, ZoneOffset.UTC));
        if (trust != null) {
            engine.trust(TrustAnchors.fromPem(trust));
        }
        Mailcert mailcert = engine.build();
        Inspection inspection = mailcert.inspect(served, host);
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                json
                        ? InspectionReport.json(inspection)
                        : InspectionReport.text(
                                inspection, host, when, mailcert.trust().source()));
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
}
