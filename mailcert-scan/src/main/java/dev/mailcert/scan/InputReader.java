package dev.mailcert.scan;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * Reads scan input a line at a time without ever holding more than one bounded line: a line
 * longer than {@value #MAX_LINE} characters is cut there and reported as too long. Lines end at
 * LF, CR LF or CR.
 */
final class InputReader {
    static final int MAX_LINE = 2_048;

    /** A line as read: its number, its text (cut to the bound) and whether it was longer. */
    record Line(long number, String text, boolean tooLong) {}

    private final Reader in;
    private long number;
    private int pushedBack = -1;

    InputReader(Reader in) {
        this.in = in;
    }

    /** The next line, or empty at the end of the input. */
    Optional<Line> next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        int c = read();
        if (c < 0) {
            return Optional.empty();
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (text.length() < MAX_LINE) {
                text.append((char) c);
            } else {
                tooLong = true;
            }
            c = read();
        }
        if (c == '\r') {
            int after = read();
            if (after != '\n' && after >= 0) {
                pushedBack = after;
            }
        }
        number++;
        return Optional.of(new Line(number, text.toString(), tooLong));
    }

    private int read() throws IOException {
        if (pushedBack >= 0) {
            int c = pushedBack;
            pushedBack = -1;
            return c;
        }
        return in.read();
    }
}
