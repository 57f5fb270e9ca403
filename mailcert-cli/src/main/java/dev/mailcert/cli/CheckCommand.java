package dev.mailcert.cli;

import dev.mailcert.advise.Advice;
import dev.mailcert.advise.Advisor;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.report.JsonReport;
import dev.mailcert.report.TextReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Find and prove the server name whose certificate your mail client accepts, for IMAP, POP3 and SMTP.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    MailcertCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "Your email address or mail domain.")
    String target;

    @Mixin
    CheckOptions options;

    @Option(names = "--json", description = "Print JSON (schema mailcert.check/1) instead of the report.")
    boolean json;

    @Override
    public Integer call() {
        return run(options, target, json, spec.commandLine().getOut(), parent.terminal());
    }

    /** Runs one check and prints it; shared with {@code demo}. */
    static int run(CheckOptions options, String target, boolean json, PrintWriter out, Terminal terminal) {
        var request = options.request(target);
        Diagnosis diagnosis = options.engine().run(request);
        Advice advice = Advisor.advise(diagnosis);
        out.print(json ? JsonReport.render(diagnosis, advice) + "\n" : TextReport.render(diagnosis, advice, terminal.style()));
        out.flush();
        return advice.verdict().exitCode();
    }
}
