package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.Printable;
import java.io.IOException;
import java.io.PrintWriter;

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
        int code;
        try {
            code = MailcertCommand.run(new Subcommand.Io(out, err, terminal), args);
        } catch (BadInputException bad) {
            err.println("mailcert: " + bad.getMessage());
            code = ExitCode.BAD_INPUT.code();
        } catch (IOException io) {
            err.println("mailcert: " + Printable.of(io.getMessage())); // e.g. a lab address already in use
            code = ExitCode.NOT_DIAGNOSED.code();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            err.println("mailcert: interrupted");
            code = ExitCode.NOT_DIAGNOSED.code();
        } catch (Exception e) {
            err.println("mailcert: internal error: " + e);
            code = ExitCode.NOT_DIAGNOSED.code();
        }
        out.flush();
        err.flush();
        return code;
    }
}
