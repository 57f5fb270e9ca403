package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.report.ClientConfigFiles;
import dev.mailcert.report.ConfigFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code mailcert config}: a check, then one client configuration file with the verified names only. */
final class ConfigCommand implements Subcommand {
    static final CommandSpec SPEC = new CommandSpec(
            "config",
            List.of(
                    "Run a check and write a client configuration file with the verified server names only.",
                    "Exits 0 when a file was written, 1 when no verified name exists (nothing is written)."),
            CheckOptions.PARAMETERS,
            options());

    private static List<CommandSpec.Option> options() {
        List<CommandSpec.Option> options = new ArrayList<>(CheckOptions.OPTIONS);
        options.add(CommandSpec.Option.value(
                        "--format",
                        "FORMAT",
                        "thunderbird (autoconfig XML), autodiscover (Outlook POX) or mobileconfig (Apple profile).")
                .asRequired());
        options.add(CommandSpec.Option.value("--out", "FILE", "Write to FILE instead of standard output."));
        return options;
    }

    private final CheckOptions options;
    private final String format;
    private final @Nullable Path out;

    ConfigCommand(Arguments arguments) {
        options = new CheckOptions(arguments);
        format = Objects.requireNonNull(arguments.string("--format"));
        out = arguments.path("--out");
    }

    @Override
    public int call(Io io) throws IOException {
        ConfigFormat chosen = format(format);
        PrintWriter stdout = io.out();
        PrintWriter err = io.err();
        Path file = out;
        CheckResult outcome = options.run();
        Optional<ClientConfig> config = ClientConfigFiles.of(outcome.diagnosis(), outcome.advice());
        if (config.isEmpty()) {
            err.println("mailcert: no configuration written: no verified server name for both incoming and "
                    + "outgoing mail (verdict " + outcome.advice().verdict().id()
                    + "; run 'mailcert check' to see why)");
            err.flush();
            return ExitCode.of(outcome.verdict()) == ExitCode.NOT_DIAGNOSED
                    ? ExitCode.NOT_DIAGNOSED.code()
                    : ExitCode.PROBLEMS.code();
        }
        String text = ClientConfigFiles.render(chosen, config.get(), outcome.diagnosis());
        ClientConfigFiles.limitations(chosen, config.get()).forEach(line -> err.println("mailcert: note: " + line));
        if (file == null) {
            stdout.print(text);
        } else {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInputException("--out: cannot write " + file + ": " + e.getMessage());
            }
            stdout.println("Wrote " + chosen.id() + " configuration for "
                    + outcome.diagnosis().request().target() + " to " + file);
        }
        stdout.flush();
        err.flush();
        return ExitCode.OK.code();
    }

    private static ConfigFormat format(String text) {
        for (ConfigFormat f : ConfigFormat.values()) {
            if (f.id().equals(text)) {
                return f;
            }
        }
        throw new BadInputException("--format must be thunderbird, autodiscover or mobileconfig: " + text);
    }
}
