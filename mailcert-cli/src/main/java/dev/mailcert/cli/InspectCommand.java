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
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code mailcert inspect}: judges a chain from a PEM file, offline. */
final class InspectCommand implements Subcommand {
    static final CommandSpec SPEC = CommandSpec.of(
            "inspect",
            "Judge a certificate chain from a PEM file for a host name, offline.",
            List.of(new CommandSpec.Parameter("CHAIN.pem", "The chain as the server sends it, leaf first.")),
            List.of(
                    CommandSpec.Option.value("--host", "NAME", "The server name the client uses.")
                            .asRequired(),
                    CommandSpec.Option.value("--trust", "FILE.pem", "Trust exactly the roots in this file."),
                    CommandSpec.Option.value("--at", "ISO-INSTANT", "Judge at this time, e.g. 2026-01-31T12:00:00Z."),
                    CommandSpec.Option.flag("--json", "Print JSON.")));

    private final Path chain;
    private final String host;
    private final @Nullable Path trust;
    private final @Nullable String at;
    private final boolean json;

    InspectCommand(Arguments arguments) {
        chain = arguments.parameterPath(0);
        host = Objects.requireNonNull(arguments.string("--host"));
        trust = arguments.path("--trust");
        at = arguments.string("--at");
        json = arguments.flag("--json");
    }

    @Override
    public int call(Io io) {
        String atText = at;
        Instant when = atText == null ? Instant.now() : instant(atText);
        // a DER certificate the JDK refuses is a finding (invalid-chain); only a file without certificates is bad input
        ServedCertificates served = Pem.readServed(chain);
        Mailcert.Builder engine = Mailcert.builder().clock(Clock.fixed(when, ZoneOffset.UTC));
        Path roots = trust;
        if (roots != null) {
            engine.trust(TrustAnchors.fromPem(roots));
        }
        Mailcert mailcert = engine.build();
        Inspection inspection = mailcert.inspect(served, host);
        PrintWriter out = io.out();
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
