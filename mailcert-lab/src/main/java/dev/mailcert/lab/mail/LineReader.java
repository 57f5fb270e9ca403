package dev.mailcert.lab.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads command lines (CRLF or bare LF) with a hard length limit. */
final class LineReader {
    /** Thrown when a line exceeds the limit; the connection is then ended. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(int limit) {
            super("line longer than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[4096];
    private int position;
    private int limit;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, or null when the peer closed the connection. */
    String readLine() throws IOException {
        byte[] line = new byte[maxLineBytes + 1]; // room for the CR of a full-length line
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit < 0) {
                    limit = 0;
                    return null; // a partial last line without terminator is dropped
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length > maxLineBytes || (length == maxLineBytes && b != '\r')) {
                throw new LineTooLongException(maxLineBytes);
            }
            line[length++] = b;
        }
    }

    /** True when bytes arrived after the last line read (e.g. pipelined after STARTTLS). */
    boolean hasBufferedInput() {
        return position < limit;
    }
}
