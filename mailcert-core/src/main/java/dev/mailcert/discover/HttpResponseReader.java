package dev.mailcert.discover;

import dev.mailcert.Printable;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one HTTP/1.1 response (RFC 9112) with every part bounded: line length, header count, body
 * size, chunk-size lines. The body is framed as RFC 9112 §6.3 orders: none for a response to HEAD
 * and for 1xx, 204 and 304; else chunked transfer coding, else Content-Length, else the end of the
 * connection (the request says "Connection: close").
 */
final class HttpResponseReader {
    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADERS = 100;
    /** Interim 1xx responses skipped before the final one. */
    private static final int MAX_INTERIM = 5;

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");
    /** RFC 9110 §8.6: Content-Length = 1*DIGIT; 18 digits always fit a long. */
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    /**
     * A final response: status, header field values by lower-case name in the order received, body.
     * A field sent on several lines has several values.
     */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        Answer {
            headers = headers.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        }

        /** The last value of the field, for fields that are sent once (e.g. Location). */
        Optional<String> last(String name) {
            List<String> values = headers.getOrDefault(name, List.of());
            return values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
        }
    }

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
    private final String requestMethod;

    /** @param requestMethod the method of the request answered: a response to HEAD has no body */
    HttpResponseReader(InputStream in, int maxBody, String requestMethod) {
        this.in = in;
        this.maxBody = maxBody;
        this.requestMethod = requestMethod;
    }

    Answer read() throws IOException {
        for (int interim = 0; interim <= MAX_INTERIM; interim++) {
            int status = status(line());
            Map<String, List<String>> headers = headers();
            if (status >= 200) {
                return new Answer(status, headers, bodyless(status) ? new byte[0] : body(headers));
            }
            // RFC 9112 §6.3 (1): a 1xx response ends with its header section; the final one follows
        }
        throw new MalformedResponseException("more than " + MAX_INTERIM + " interim (1xx) responses");
    }

    /** RFC 9112 §6.3 (1): whatever the header fields say, these responses end with the header section. */
    private boolean bodyless(int status) {
        return requestMethod.equals("HEAD") || status == 204 || status == 304;
    }

    private static int status(String line) throws MalformedResponseException {
        Matcher m = STATUS_LINE.matcher(line);
        if (!m.matches()) {
            throw new MalformedResponseException("not an HTTP/1.1 status line: " + Printable.of(line));
        }
        return Integer.parseInt(m.group(1));
    }

    private Map<String, List<String>> headers() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (int count = 0; ; count++) {
            String line = line();
            if (line.isEmpty()) {
                add(headers, name, value);
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new MalformedResponseException("more than " + MAX_HEADERS + " header lines");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (name == null) {
                    // RFC 9112 §2.2: whitespace-preceded lines before the first field are consumed unprocessed
                    continue;
                }
                // RFC 9112 §5.2: a user agent MUST replace each obs-fold with SP before interpreting the value
                value.append(' ').append(line.strip());
                if (value.length() > MAX_LINE) {
                    throw new MalformedResponseException("a folded header field longer than " + MAX_LINE + " bytes");
                }
                continue;
            }
            add(headers, name, value);
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw new MalformedResponseException("not a header line: " + Printable.of(line));
            }
            name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            value.setLength(0);
            value.append(line.substring(colon + 1).strip());
        }
    }

    private static void add(Map<String, List<String>> headers, String name, StringBuilder value) {
        if (name != null) {
            headers.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(value.toString().strip());
        }
    }

    private byte[] body(Map<String, List<String>> headers) throws IOException {
        List<String> codings = elements(headers.getOrDefault("transfer-encoding", List.of()));
        if (!codings.isEmpty()) {
            // RFC 9112 §6.3 (3, 4): Transfer-Encoding overrides Content-Length; chunked only as the final
            // coding frames the body, any other final coding leaves the end of the connection to frame it
            return codings.getLast().equalsIgnoreCase("chunked") ? chunked() : untilClose();
        }
        Optional<Long> length = contentLength(headers.getOrDefault("content-length", List.of()));
        if (length.isEmpty()) {
            return untilClose();
        }
        long declared = length.get();
        if (declared > maxBody) {
            throw tooLarge();
        }
        byte[] body = in.readNBytes((int) declared);
        if (body.length < declared) {
            throw new EOFException("the body ended after " + body.length + " of " + declared + " bytes");
        }
        return body;
    }

    /**
     * RFC 9112 §6.3 (5): a Content-Length that is not a number, or several that differ, make the framing
     * invalid and the response is discarded. The same number sent twice (on two lines or as "42, 42") is
     * that number (RFC 9110 §8.6).
     */
    private Optional<Long> contentLength(List<String> fields) throws IOException {
        Set<String> values = new LinkedHashSet<>(elements(fields));
        for (String value : values) {
            if (!DIGITS.matcher(value).matches()) {
                if (value.chars().allMatch(Character::isDigit)) {
                    throw tooLarge();
                }
                throw new MalformedResponseException("Content-Length is not a number: " + Printable.of(value));
            }
        }
        if (values.size() > 1) {
            throw new MalformedResponseException("differing Content-Length values: "
                    + Printable.of(String.join(", ", values)) + " (the body's length is unknown)");
        }
        return values.stream().findFirst().map(Long::parseLong);
    }

    /** The elements of a comma-separated list field over all its lines, empty elements dropped (RFC 9110 §5.6.1). */
    private static List<String> elements(List<String> fields) {
        List<String> elements = new ArrayList<>();
        for (String field : fields) {
            for (String element : field.split(",", -1)) {
                if (!element.isBlank()) {
                    elements.add(element.strip());
                }
            }
        }
        return elements;
    }

    private byte[] untilClose() throws IOException {
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
                throw new MalformedResponseException("not a chunk size: " + Printable.of(sizeLine));
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
                throw new EOFException(
                        line.size() == 0
                                ? "the server closed the connection without an answer"
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
