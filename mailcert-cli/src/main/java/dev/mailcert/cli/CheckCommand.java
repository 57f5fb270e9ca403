package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.report.ClientConfigDirectory;
import dev.mailcert.report.ClientConfigFiles;
import dev.mailcert.report.JsonReport;
import dev.mailcert.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** {@code mailcert check}: the check, its report, and optionally the client configuration files. */
final class CheckCommand implements Subcommand {
    static final CommandSpec SPEC = CommandSpec.of(
            "check",
            "Find and prove the server name whose certificate your mail client accepts, for IMAP, POP3 and SMTP.",
            CheckOptions.PARAMETERS,
            options());

    private static List<CommandSpec.Option> options() {
        List<CommandSpec.Option> options = new ArrayList<>(CheckOptions.OPTIONS);
        options.add(CommandSpec.Option.flag("--json", "Print JSON (schema mailcert.check/1) instead of the report."));
        options.add(CommandSpec.Option.value(
                "--write-config",
                "DIR",
                "Also write Thunderbird, Autodiscover and Apple configuration files with the verified names to DIR."));
        return options;
    }

    private final CheckOptions options;
    private final boolean json;
    private final @Nullable Path writeConfig;

    CheckCommand(Arguments arguments) {
        options = new CheckOptions(arguments);
        json = arguments.flag("--json");
        writeConfig = arguments.path("--write-config");
    }

    @Override
    public int call(Io io) throws IOException {
        CheckResult outcome = options.run();
        print(outcome, json, io.out(), io.terminal());
        Path dir = writeConfig;
        if (dir != null) {
            writeConfigFiles(outcome, dir, json ? io.err() : io.out());
        }
        return ExitCode.of(outcome.verdict()).code();
    }

    static void print(CheckResult outcome, boolean json, PrintWriter out, Terminal terminal) {
        out.print(
                json
                        ? JsonReport.render(outcome.diagnosis(), outcome.advice()) + "\n"
                        : TextReport.render(outcome.diagnosis(), outcome.advice(), terminal.style()));
        out.flush();
    }

    /** Writes the three formats that the check's target allows; says what was written and what could not be. */
    static void writeConfigFiles(CheckResult outcome, Path dir, PrintWriter notes) throws IOException {
        Optional<ClientConfig> config = ClientConfigFiles.of(outcome.diagnosis(), outcome.advice());
        if (config.isEmpty()) {
            notes.println("No configuration files written: there is no verified server name for both incoming and "
                    + "outgoing mail (verdict " + outcome.advice().verdict().id() + ").");
            notes.flush();
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("--write-config: cannot create the directory " + dir + ": " + e.getMessage());
        }
        ClientConfigDirectory.Written written = ClientConfigDirectory.write(config.get(), outcome.diagnosis(), dir);
        written.notes().forEach(notes::println);
        notes.println("Configuration files with the verified names: "
                + written.files().stream().map(Path::toString).collect(Collectors.joining(", ")));
        notes.flush();
    }
}
