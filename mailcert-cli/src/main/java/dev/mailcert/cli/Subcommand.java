package dev.mailcert.cli;

import java.io.PrintWriter;

/** One command of {@code mailcert}, made from its parsed arguments. */
interface Subcommand {

    /** Runs the command; returns its exit code ({@link ExitCode}). */
    int call(Io io) throws Exception;

    /** Where a command writes, and how the terminal shows text. */
    record Io(PrintWriter out, PrintWriter err, Terminal terminal) {}
}
