package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.advise.Advice;
import dev.mailcert.advise.Advisor;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.diagnose.Check;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.report.ClientConfigFiles;
import dev.mailcert.report.ConfigFormat;
import dev.mailcert.report.JsonReport;
import dev.mailcert.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Find and prove the server name whose certificate your mail client accepts, for IMAP, POP3 and SMTP.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    MailcertCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    CheckOptions options;

    @Option(names = "--json", description = "Print JSON (schema mailcert.check/1) instead of the report.")
    boolean json;

    @Option(names = "--write-config", paramLabel = "DIR",
            description = "Also write Thunderbird, Autodiscover and Apple configuration files with the verified names to DIR.")
    Path writeConfig;

    /** A finished check: what was found and what to tell the person. */
    record Outcome(Diagnosis diagnosis, Advice advice) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Outcome outcome = perform(options);
        print(outcome, json, out, parent.terminal());
        if (writeConfig != null) {
            PrintWriter notes = json ? spec.commandLine().getErr() : out;
            writeConfigFiles(outcome, writeConfig, notes);
        }
        return outcome.advice().verdict().exitCode();
    }

    static Outcome perform(CheckOptions options) {
        Check engine = options.engine();
        var request = options.request(); // after the engine is built: the check's deadline counts from here
        Diagnosis diagnosis = engine.run(request);
        return new Outcome(diagnosis, Advisor.advise(diagnosis));
    }

    static void print(Outcome outcome, boolean json, PrintWriter out, Terminal terminal) {
        out.print(json ? JsonReport.render(outcome.diagnosis(), outcome.advice()) + "\n"
                : TextReport.render(outcome.diagnosis(), outcome.advice(), terminal.style()));
        out.flush();
    }

    /** Writes the three formats that the check's target allows; says what was written and what could not be. */
    static void writeConfigFiles(Outcome outcome, Path dir, PrintWriter notes) throws IOException {
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
        List<String> written = new ArrayList<>();
        String domain = outcome.diagnosis().request().target().domain().value();
        for (ConfigFormat format : ConfigFormat.values()) {
            String text;
            try {
                text = ClientConfigFiles.render(format, config.get(), outcome.diagnosis());
            } catch (BadInputException e) {
                notes.println("Not written: " + format.id() + ": " + e.getMessage());
                continue;
            }
            Path file = dir.resolve(format.fileName(domain));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            written.add(file.toString());
            ClientConfigFiles.limitations(format, config.get()).forEach(line -> notes.println("Note (" + format.id() + "): " + line));
        }
        notes.println("Configuration files with the verified names: " + String.join(", ", written));
        notes.flush();
    }
}
