package dev.mailcert.cli;

import dev.mailcert.advise.Verdict;

/** The exit codes of every mailcert command. */
public enum ExitCode {
    /** Verdict ok, or the certificate is valid. */
    OK(0),
    /** Problems were found (fixable, unfixable, certificate problems). */
    PROBLEMS(1),
    /** Bad usage or input: one line on stderr says what. */
    BAD_INPUT(2),
    /** Nothing could be diagnosed: DNS failure, nothing reachable. */
    NOT_DIAGNOSED(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code of a check with {@code verdict}: 0 ok, 1 problems found, 3 nothing could be diagnosed. */
    public static ExitCode of(Verdict verdict) {
        return switch (verdict) {
            case OK -> OK;
            case FIXABLE, UNFIXABLE -> PROBLEMS;
            case UNREACHABLE -> NOT_DIAGNOSED;
        };
    }
}
