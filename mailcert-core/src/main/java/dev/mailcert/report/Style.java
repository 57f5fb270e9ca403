package dev.mailcert.report;

/** ANSI colours for a terminal, or none at all for pipes, files and tests. */
public record Style(boolean colour) {
    public static final Style PLAIN = new Style(false);

    String bold(String text) {
        return wrap("1", text);
    }

    String green(String text) {
        return wrap("32;1", text);
    }

    String red(String text) {
        return wrap("31;1", text);
    }

    String yellow(String text) {
        return wrap("33;1", text);
    }

    String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
