package dev.mailcert.cli;

import dev.mailcert.report.Style;

/** Whether output goes to a person's terminal (colours) or to a pipe or file (none). */
record Terminal(boolean colour) {
    static final Terminal PLAIN = new Terminal(false);

    /** Colours only on a real terminal, never with NO_COLOR set (no-color.org) or TERM=dumb. */
    static Terminal detect() {
        boolean tty = System.console() != null && System.console().isTerminal();
        boolean allowed = System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        return new Terminal(tty && allowed);
    }

    Style style() {
        return new Style(colour);
    }
}
