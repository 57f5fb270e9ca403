package dev.mailcert.advise;

import java.util.Locale;

/** The answer of a check in one word (fixed names, see docs/json.md). */
public enum Verdict {
    /** The name the client uses already gets a valid certificate. */
    OK,
    /** It does not, and a verified alternative name on the same server exists. */
    FIXABLE,
    /** The server is reached, but no name on it gets a valid certificate: the provider must fix it. */
    UNFIXABLE,
    /** No mail endpoint could be reached (or the name does not resolve). */
    UNREACHABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
