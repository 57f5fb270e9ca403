package dev.mailcert.cli;

import dev.mailcert.report.Style;

/** Whether output goes to a person's terminal (colours) or to a pipe or file (none). */
record Terminal(boolean colour) {
    static final Terminal PLAIN = new Terminal(false);

    /** Colours only on a real terminal, never with NO_COLOR set (no-color.org) or TERM=dumb. */
    static Terminal detect() {
        boolean tty = isTerminal(System.console());
        boolean allowed = System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        return new Terminal(tty && allowed);
    }

    /**
     * JDK 21 returns no console when output is redirected; JDK 22+ always returns one and says
     * through Console.isTerminal() (absent in 21, hence the reflective call) whether it is a terminal.
     */
    static boolean isTerminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    Style style() {
        return new Style(colour);
    }
}
