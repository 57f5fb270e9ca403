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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description =
                "Find and prove the server name whose certificate your mail client accepts, for IMAP, POP3 and SMTP.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    MailcertCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    CheckOptions options;

    @Option(names = "--json", description = "Print JSON (schema mailcert.check/1) instead of the report.")
    boolean json;

    @Option(
            names = "--write-config",
            paramLabel = "DIR",
            description = "Also write Thunderbird, Autodiscover and Apple configuration files with the "
                    + "verified names to DIR.")
    Path writeConfig;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        CheckResult outcome = options.run();
        print(outcome, json, out, parent.terminal());
        if (writeConfig != null) {
            PrintWriter notes = json ? spec.commandLine().getErr() : out;
            writeConfigFiles(outcome, writeConfig, notes);
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
