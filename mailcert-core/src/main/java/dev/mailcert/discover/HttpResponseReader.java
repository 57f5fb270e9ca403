package dev.mailcert.discover;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 response (RFC 9112) with every part bounded: line length, header count, body
 * size, chunk-size lines. The body is framed by chunked transfer coding, Content-Length, or the end
 * of the connection (the request says "Connection: close"), in that order of precedence (RFC 9112 §6.3).
 */
final class HttpResponseReader {
    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADERS = 100;
    /** Interim 1xx responses skipped before the final one. */
    private static final int MAX_INTERIM = 5;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");

    /** A final response: status, headers by lower-case name (the last value wins), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {}

    /** The response breaks HTTP syntax or a line/header limit. */
    static final class MalformedResponseException extends IOException {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    /** The body is longer than the limit; nothing beyond the limit was read. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final int maxBody;

    HttpResponseReader(InputStream in, int maxBody) {
        this.in = in;
        this.maxBody = maxBody;
    }

    Answer read() throws IOException {
        for (int interim = 0; interim <= MAX_INTERIM; interim++) {
            int status = status(line());
            Map<String, String> headers = headers();
            if (status >= 200) {
                return new Answer(status, headers, body(headers));
            }
        }
        throw new MalformedResponseException("more than " + MAX_INTERIM + " interim (1xx) responses");
    }

    private static int status(String line) throws MalformedResponseException {
        Matcher m = STATUS_LINE.matcher(line);
        if (!m.matches()) {
            throw new MalformedResponseException("not an HTTP/1.1 status line: " + dev.mailcert.Printable.of(line));
        }
        return Integer.parseInt(m.group(1));
    }

    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = line();
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new MalformedResponseException("more than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw new MalformedResponseException("not a header line: " + dev.mailcert.Printable.of(line));
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    private byte[] body(Map<String, String> headers) throws IOException {
        String coding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (coding.endsWith("chunked")) {
            return chunked();
        }
        String length = headers.get("content-length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("Content-Length is not a number: " + dev.mailcert.Printable.of(length));
            }
            if (declared < 0) {
                throw new MalformedResponseException("negative Content-Length");
            }
            if (declared > maxBody) {
                throw tooLarge();
            }
            byte[] body = in.readNBytes((int) declared);
            if (body.length < declared) {
                throw new EOFException("the body ended after " + body.length + " of " + declared + " bytes");
            }
            return body;
        }
        byte[] body = in.readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            throw tooLarge();
        }
        return body;
    }

    /** RFC 9112 §7.1: size line (hex, optional extensions), data, CRLF; a zero size ends; trailers follow. */
    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            long size;
            try {
                size = hex.length() > 8 ? Long.MAX_VALUE : Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("not a chunk size: " + dev.mailcert.Printable.of(sizeLine));
            }
            if (size < 0) {
                throw new MalformedResponseException("negative chunk size");
            }
            if (size == 0) {
                headers(); // trailer section, bounded like headers and ignored
                return body.toByteArray();
            }
            if (body.size() + size > maxBody) {
                throw tooLarge();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException("a chunk ended early");
            }
            body.write(chunk);
            if (!line().isEmpty()) {
                throw new MalformedResponseException("chunk data longer than its size");
            }
        }
    }

    private BodyTooLargeException tooLarge() {
        return new BodyTooLargeException("too large: the body exceeds " + maxBody / 1024 + " KiB");
    }

    /** One line without its CRLF (a bare LF is accepted too, RFC 9112 §2.2); bounded by {@value #MAX_LINE}. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(line.size() == 0 ? "the server closed the connection without an answer"
                        : "the connection ended inside a line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new MalformedResponseException("a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }
}
