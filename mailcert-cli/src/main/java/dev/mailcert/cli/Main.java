package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code mailcert} command. {@link #run} is the testable entry point: it returns the exit
 * code (0 ok/valid, 1 problems found, 2 bad usage or input, 3 nothing could be diagnosed) and only
 * {@link #main} exits.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        ProcessDeadline.startCounting(); // --timeout bounds the whole process, JVM start included
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, Terminal.detect(), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Terminal.PLAIN, args);
    }

    static int run(PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
        CommandLine cli = new CommandLine(new MailcertCommand(terminal));
        MailcertCommand.addCommands(cli, args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("mailcert: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT.code();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof BadInputException bad) {
                err.println("mailcert: " + bad.getMessage());
            } else if (e instanceof java.io.IOException io) {
                err.println(
                        "mailcert: " + dev.mailcert.Printable.of(io.getMessage())); // e.g. a lab address already in use
            } else {
                err.println("mailcert: internal error: " + e);
            }
            err.flush();
            return e instanceof BadInputException ? ExitCode.BAD_INPUT.code() : ExitCode.NOT_DIAGNOSED.code();
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
