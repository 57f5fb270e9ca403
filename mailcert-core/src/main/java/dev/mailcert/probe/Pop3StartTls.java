package dev.mailcert.probe;

import dev.mailcert.Printable;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * POP3 STLS (RFC 2595 §4, capabilities by CAPA, RFC 2449).
 *
 * <pre>
 * S: +OK ready
 * C: CAPA
 * S: +OK
 * S: STLS
 * S: .
 * C: STLS
 * S: +OK begin TLS
 * </pre>
 *
 * When CAPA succeeds, its list is authoritative: without STLS in it, STARTTLS is unavailable. When
 * CAPA itself is answered with -ERR (servers older than RFC 2449), STLS is tried anyway: RFC 2595
 * defines STLS independently of CAPA, sending it reveals nothing, and a server without it answers
 * -ERR, which is reported as unavailable. A greeting other than +OK is a protocol error.
 */
final class Pop3StartTls implements StartTlsDialogue {

    /** The status indicator of a POP3 reply line (RFC 1939 §3). */
    enum Status {
        OK,
        ERR,
        OTHER
    }

    @Override
    public Negotiation negotiate(PlaintextChannel channel) throws IOException, ProtocolViolation {
        String greeting = channel.readLine();
        switch (statusOf(greeting)) {
            case OK -> {}
            case ERR ->
                throw new ProtocolViolation("server refused the session in its greeting: " + Printable.of(greeting));
            case OTHER -> throw new ProtocolViolation("not a POP3 greeting: " + Printable.of(greeting));
        }
        channel.send("CAPA");
        String capaReply = channel.readLine();
        switch (statusOf(capaReply)) {
            case OK -> {
                if (!readCapabilities(channel).contains("STLS")) {
                    return new Negotiation.Unavailable("server does not advertise STLS");
                }
            }
            case ERR -> {} // no CAPA support: try STLS anyway, see the class comment
            case OTHER -> throw new ProtocolViolation("unexpected reply to CAPA: " + Printable.of(capaReply));
        }
        channel.send("STLS");
        String reply = channel.readLine();
        return switch (statusOf(reply)) {
            case OK -> new Negotiation.GoAhead();
            case ERR -> new Negotiation.Unavailable("server answered STLS with an error: " + Printable.of(reply));
            case OTHER -> throw new ProtocolViolation("unexpected reply to STLS: " + Printable.of(reply));
        };
    }

    @Override
    public String farewell() {
        return "QUIT";
    }

    /** RFC 1939 §3: "+OK" or "-ERR", followed by a space or the end of the line. */
    static Status statusOf(String line) {
        if (startsWithWord(line, "+OK")) {
            return Status.OK;
        }
        if (startsWithWord(line, "-ERR")) {
            return Status.ERR;
        }
        return Status.OTHER;
    }

    /** The capability names of a multi-line CAPA reply up to its "." line, upper-cased (RFC 2449 §5). */
    private static Set<String> readCapabilities(PlaintextChannel channel) throws IOException, ProtocolViolation {
        Set<String> names = new HashSet<>();
        String line;
        while (!(line = channel.readLine()).equals(".")) {
            names.add(capabilityName(line));
        }
        return names;
    }

    /** The first word of a capability line, after undoing dot-stuffing (RFC 1939 §3). */
    static String capabilityName(String line) {
        String unstuffed = line.startsWith("..") ? line.substring(1) : line;
        String trimmed = unstuffed.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    private static boolean startsWithWord(String line, String word) {
        return line.regionMatches(true, 0, word, 0, word.length())
                && (line.length() == word.length() || line.charAt(word.length()) == ' ');
    }
}
