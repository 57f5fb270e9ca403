package dev.mailcert.probe;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads plaintext reply lines through its own buffer, within fixed bounds: line length, number
 * of lines and total bytes. Lines end with CRLF or a bare LF (tolerated, as most clients do).
 *
 * <p>Owning the buffer is what makes STARTTLS safe against response injection: when the go-ahead
 * line is complete, {@link #discardPending()} drops whatever else arrived with it, so those bytes
 * are never read as TLS data or as a reply after TLS.
 */
final class ResponseLineReader {
    private final InputStream in;
    private final int maxLineLength;
    private final int maxLines;
    private final int maxBytes;
    private final byte[] buffer;
    private int start;
    private int end;
    private int lines;
    private long bytes;

    ResponseLineReader(InputStream in, int maxLineLength, int maxLines, int maxBytes) {
        this.in = in;
        this.maxLineLength = maxLineLength;
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
        // room for the longest line plus CRLF, so a complete legal line always fits
        this.buffer = new byte[maxLineLength + 2];
    }

    /**
     * The next line without its line ending, decoded as ISO-8859-1 (one char per byte; mail replies are ASCII).
     *
     * @throws EOFException       the peer closed the connection before any byte of a new line
     * @throws ProtocolViolation  a limit was exceeded or the connection closed mid-line
     */
    String readLine() throws IOException, ProtocolViolation {
        int scanned = 0; // bytes after start already searched for a line feed
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    return take(i);
                }
            }
            scanned = end - start;
            if (scanned > maxLineLength + 1) {
                throw new ProtocolViolation("server sent a line longer than " + maxLineLength + " bytes");
            }
            if (!fill()) {
                if (end == start) {
                    throw new EOFException("connection closed");
                }
                throw new ProtocolViolation("connection closed in the middle of a line");
            }
        }
    }

    /** Drops every byte already received but not yet read as a line; returns how many there were. */
    int discardPending() throws IOException {
        int dropped = end - start;
        start = 0;
        end = 0;
        // also drop what already sits in the socket's receive buffer: it arrived before TLS, too
        int available;
        while ((available = in.available()) > 0 && dropped < maxBytes) {
            long skipped = in.skip(Math.min(available, maxBytes - dropped));
            if (skipped <= 0) {
                break;
            }
            dropped += (int) skipped;
            bytes += skipped;
        }
        return dropped;
    }

    /** Bytes received so far, including any discarded. */
    long bytesReceived() {
        return bytes;
    }

    private String take(int newline) throws ProtocolViolation {
        int lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        if (lineEnd - start > maxLineLength) {
            throw new ProtocolViolation("server sent a line longer than " + maxLineLength + " bytes");
        }
        if (++lines > maxLines) {
            throw new ProtocolViolation("server sent more than " + maxLines + " lines before TLS");
        }
        String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
        start = newline + 1;
        return line;
    }

    /** Reads more bytes into the buffer, compacting first; false at end of stream. */
    private boolean fill() throws IOException, ProtocolViolation {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            return false;
        }
        bytes += n;
        if (bytes > maxBytes) {
            throw new ProtocolViolation("server sent more than " + maxBytes + " bytes before TLS");
        }
        end += n;
        return true;
    }
}
