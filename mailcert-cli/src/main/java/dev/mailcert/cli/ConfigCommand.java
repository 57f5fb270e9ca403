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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = {
            "Run a check and write a client configuration file with the verified server names only.",
            "Exits 0 when a file was written, 1 when no verified name exists (nothing is written)."
        })
final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CheckOptions options;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description = "thunderbird (autoconfig XML), autodiscover (Outlook POX) or mobileconfig (Apple profile).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        ConfigFormat chosen = format(format);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
        if (out == null) {
            stdout.print(text);
        } else {
            try {
                Files.writeString(out, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInputException("--out: cannot write " + out + ": " + e.getMessage());
            }
            stdout.println("Wrote " + chosen.id() + " configuration for "
                    + outcome.diagnosis().request().target() + " to " + out);
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
