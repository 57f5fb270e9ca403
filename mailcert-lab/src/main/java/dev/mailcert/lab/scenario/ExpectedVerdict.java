package dev.mailcert.lab.scenario;

import java.util.Locale;

/** The verdict a correct check gives for a scenario (names as in the check's JSON). */
public enum ExpectedVerdict {
    OK,
    FIXABLE,
    UNFIXABLE,
    UNREACHABLE;

    /** The word used in scenario files and reports: "ok", "fixable", ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
