package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.Printable;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.scan.BarProgress;
import dev.mailcert.scan.Export;
import dev.mailcert.scan.FleetScan;
import dev.mailcert.scan.FleetSummary;
import dev.mailcert.scan.HtmlReport;
import dev.mailcert.scan.InputLine;
import dev.mailcert.scan.PlainProgress;
import dev.mailcert.scan.Progress;
import dev.mailcert.scan.ScanOutcome;
import dev.mailcert.scan.ScanSettings;
import dev.mailcert.scan.SummaryText;
import dev.mailcert.store.Database;
import dev.mailcert.store.ScanResults;
import dev.mailcert.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code mailcert scan}: every target of a list, into a database, summarised by shared server. */
final class ScanCommand implements Subcommand {
    /** DNS answers and handshakes kept for the whole scan: the shared servers' stay, the per-domain ones age out. */
    static final int SHARED_RESULTS = 8_192;

    static final Duration SHARED_LIFETIME = Duration.ofMinutes(30);
    static final int MAX_PER_ADDRESS = 64;

    static final CommandSpec SPEC = new CommandSpec(
            "scan",
            List.of(
                    "Check every domain of a list (one TARGET or TARGET,SERVER a line; '-' reads standard input), "
                            + "save each result to a database, and summarise the fleet by shared server.",
                    "Running the same command again continues the scan; exits 0 when every target is ok, 1 when "
                            + "problems were found, 2 for bad usage or an unusable database, 3 when nothing could "
                            + "be reached."),
            List.of(new CommandSpec.Parameter(
                    "FILE|-", "The targets, one TARGET or TARGET,SERVER a line; '-' for standard input.")),
            options());

    private static List<CommandSpec.Option> options() {
        List<CommandSpec.Option> options = new ArrayList<>(List.of(
                CommandSpec.Option.value(
                                "--db",
                                "URL",
                                "An SQLite file (a path or jdbc:sqlite:PATH) or jdbc:postgresql://HOST[:PORT]/DB "
                                        + "(default: ${DEFAULT-VALUE}).")
                        .withDefault("mailcert.db"),
                CommandSpec.Option.value(
                        "--name",
                        "NAME",
                        "The scan's name (default: the input file's name without extension; 'stdin' for '-')."),
                CommandSpec.Option.flag("--fresh", "Drop the named scan's results first and scan every target again."),
                CommandSpec.Option.value("--concurrency", "N", "Targets checked at once (default: ${DEFAULT-VALUE}).")
                        .withDefault("64"),
                CommandSpec.Option.value(
                                "--per-address",
                                "N",
                                "At most N connections at a time to one server address (default: ${DEFAULT-VALUE}).")
                        .withDefault("4"),
                CommandSpec.Option.value(
                        "--export",
                        "FILE.jsonl|FILE.csv",
                        "Write every result of the scan, in input order: JSON Lines (mailcert.check/1) or CSV."),
                CommandSpec.Option.value(
                        "--report", "FILE.html", "Write the fleet summary as one self-contained HTML page."),
                CommandSpec.Option.value(
                        "--write-config",
                        "DIR",
                        "Write Thunderbird, Autodiscover and Apple configuration files for every ok or "
                                + "fixable domain to DIR/DOMAIN/."),
                CommandSpec.Option.flag("--quiet", "No progress on standard error."),
                CommandSpec.Option.value(
                                "--timeout", "SECONDS", "Deadline for each target's check (default: ${DEFAULT-VALUE}).")
                        .withDefault("20"),
                CommandSpec.Option.flag("--mx", "Also check each domain's MX hosts on port 25 (STARTTLS).")));
        options.addAll(EngineOptions.OPTIONS);
        return options;
    }

    private final String input;
    private final String db;
    private final @Nullable String name;
    private final boolean fresh;
    private final int concurrency;
    private final int perAddress;
    private final @Nullable Path export;
    private final @Nullable Path report;
    private final @Nullable Path writeConfig;
    private final boolean quiet;
    private final int timeoutSeconds;
    private final boolean mx;
    private final EngineOptions engine;

    ScanCommand(Arguments arguments) {
        input = arguments.parameter(0);
        db = Objects.requireNonNull(arguments.string("--db"));
        name = arguments.string("--name");
        fresh = arguments.flag("--fresh");
        concurrency = arguments.integer("--concurrency");
        perAddress = arguments.integer("--per-address");
        export = arguments.path("--export");
        report = arguments.path("--report");
        writeConfig = arguments.path("--write-config");
        quiet = arguments.flag("--quiet");
        timeoutSeconds = arguments.integer("--timeout");
        mx = arguments.flag("--mx");
        engine = new EngineOptions(arguments);
    }

    @Override
    public int call(Io io) throws IOException {
        PrintWriter out = io.out();
        PrintWriter err = io.err();
        Optional<Export.Format> exportFormat = export == null
                ? Optional.empty()
                : Optional.of(Export.formatOf(export)
                        .orElseThrow(() -> new BadInputException(
                                "--export: the file name must end in .jsonl or .csv: " + export)));
        if (concurrency < 1 || concurrency > ScanSettings.MAX_CONCURRENCY) {
            throw new BadInputException("--concurrency: between 1 and " + ScanSettings.MAX_CONCURRENCY
                    + " targets at once, not " + concurrency);
        }
        ScanSettings settings = CheckOptions.flag(
                "--name", () -> new ScanSettings(scanName(), fresh, concurrency, mx, Optional.ofNullable(writeConfig)));
        Mailcert mailcert = engine();
        try (Reader reader = open(input);
                Database database = openDatabase()) {
            ScanResults results = database.results().scan(settings.name());
            ScanOutcome outcome;
            try (Progress progress = progress(settings.name(), err)) {
                outcome = FleetScan.run(mailcert, results, reader, settings, progress);
            }
            if (outcome.validLines() == 0) {
                throw new BadInputException(noValidLine(outcome));
            }
            FleetSummary summary = FleetSummary.of(results, database.describe(), outcome);
            SummaryText.write(summary, outcome, out);
            if (exportFormat.isPresent()) {
                long rows = writeFile("--export", () -> Export.write(results, exportFormat.get(), export));
                out.println("Exported " + rows + " results to " + export);
            }
            if (report != null) {
                writeFile("--report", () -> {
                    HtmlReport.write(summary, report);
                    return 0L;
                });
                out.println("Report: " + report);
            }
            out.flush();
            return exitCode(summary).code();
        } catch (StoreException e) {
            throw new BadInputException("--db: " + e.getMessage());
        }
    }

    static ExitCode exitCode(FleetSummary summary) {
        if (summary.nothingReached()) {
            return ExitCode.NOT_DIAGNOSED;
        }
        return summary.allOk() ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    private Mailcert engine() {
        if (perAddress < 1 || perAddress > MAX_PER_ADDRESS) {
            throw new BadInputException(
                    "--per-address: between 1 and " + MAX_PER_ADDRESS + " connections, not " + perAddress);
        }
        Mailcert.Builder builder = engine.builder();
        CheckOptions.flag("--timeout", () -> builder.timeout(Duration.ofSeconds(timeoutSeconds)));
        return builder.connectionsPerAddress(perAddress)
                .shareAcrossChecks(SHARED_RESULTS, SHARED_LIFETIME)
                .build();
    }

    private Database openDatabase() {
        try {
            return Database.open(db);
        } catch (StoreException e) {
            throw new BadInputException("--db: " + e.getMessage());
        }
    }

    private String scanName() {
        if (name != null) {
            return name;
        }
        if (input.equals("-")) {
            return "stdin";
        }
        Path file = Path.of(input).getFileName();
        String base = file == null ? input : file.toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** The input as UTF-8; bytes that are not UTF-8 become U+FFFD, which no valid line contains. */
    private static Reader open(String input) {
        InputStream in;
        if (input.equals("-")) {
            in = System.in;
        } else {
            Path file = Path.of(input);
            if (Files.isDirectory(file)) {
                throw new BadInputException("cannot read " + input + ": it is a directory");
            }
            try {
                in = Files.newInputStream(file);
            } catch (IOException e) {
                throw new BadInputException("cannot read " + input + ": " + reason(e));
            }
        }
        return new java.io.BufferedReader(new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    private static String reason(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException n -> "no such file";
            case java.nio.file.AccessDeniedException a -> "permission denied";
            default -> Printable.of(String.valueOf(e.getMessage()));
        };
    }

    private Progress progress(String scan, PrintWriter err) {
        if (quiet) {
            return Progress.NONE;
        }
        // a live bar only for a person at a terminal; logs and pipes get a plain line every 10 s
        boolean terminal = Terminal.isTerminal(System.console()) && !"dumb".equals(System.getenv("TERM"));
        return terminal ? new BarProgress(scan) : new PlainProgress(err, scan);
    }

    private String noValidLine(ScanOutcome outcome) {
        String where = input.equals("-") ? "standard input" : input;
        if (outcome.badLines() == 0) {
            return "no target in " + where + ": it has no line to scan (one TARGET or TARGET,SERVER a line)";
        }
        InputLine.Bad first = outcome.shownBadLines().getFirst();
        return "no valid line in " + where + ": " + outcome.badLines() + " bad lines, the first: "
                + InputLine.describe(first);
    }

    @FunctionalInterface
    private interface FileWork {
        long run() throws IOException;
    }

    private static long writeFile(String flag, FileWork work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new BadInputException(flag + ": cannot write: " + Printable.of(String.valueOf(e.getMessage())));
        }
    }
}
