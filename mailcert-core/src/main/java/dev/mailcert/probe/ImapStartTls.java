package dev.mailcert.probe;

import dev.mailcert.Printable;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * IMAP STARTTLS (RFC 3501 §6.2.1, RFC 2595 §3.1, RFC 9051).
 *
 * <pre>
 * S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready     (capabilities in the greeting are used if present)
 * C: a1 CAPABILITY                                  (otherwise asked for)
 * S: * CAPABILITY IMAP4rev1 STARTTLS
 * S: a1 OK done
 * C: a2 STARTTLS
 * S: a2 OK begin TLS
 * </pre>
 *
 * A {@code * PREAUTH} greeting means the session is already authenticated, where STARTTLS is no
 * longer allowed: STARTTLS is unavailable. A {@code * BYE} greeting means the server refuses any
 * session on this connection (RFC 3501 §7.1.5); that says nothing about STARTTLS, so it is reported
 * as a protocol error with the server's words, like any other greeting that is not {@code * OK}.
 */
final class ImapStartTls implements StartTlsDialogue {
    static final String CAPABILITY_TAG = "a1";
    static final String STARTTLS_TAG = "a2";
    static final String LOGOUT_TAG = "a3";

    @Override
    public Negotiation negotiate(PlaintextChannel channel) throws IOException, ProtocolViolation {
        String greeting = channel.readLine();
        String status = untaggedStatus(greeting);
        switch (status) {
            case "OK" -> {}
            case "PREAUTH" -> {
                return new Negotiation.Unavailable(
                        "server greeted with PREAUTH (already authenticated, STARTTLS not allowed): "
                                + Printable.of(greeting));
            }
            case "BYE" ->
                throw new ProtocolViolation("server refused the session in its greeting: " + Printable.of(greeting));
            default -> throw new ProtocolViolation("not an IMAP greeting: " + Printable.of(greeting));
        }
        Set<String> capabilities = capabilitiesInGreeting(greeting).orElse(null);
        if (capabilities == null) {
            channel.send(CAPABILITY_TAG + " CAPABILITY");
            capabilities = new HashSet<>();
            String done = awaitTagged(channel, CAPABILITY_TAG, capabilities);
            if (!"OK".equals(taggedStatus(done, CAPABILITY_TAG))) {
                return new Negotiation.Unavailable("server answered CAPABILITY with an error: " + Printable.of(done));
            }
        }
        if (!capabilities.contains("STARTTLS")) {
            return new Negotiation.Unavailable("server does not advertise STARTTLS");
        }
        channel.send(STARTTLS_TAG + " STARTTLS");
        String reply = awaitTagged(channel, STARTTLS_TAG, new HashSet<>());
        return switch (taggedStatus(reply, STARTTLS_TAG)) {
            case "OK" -> new Negotiation.GoAhead();
            case "NO", "BAD" ->
                new Negotiation.Unavailable("server answered STARTTLS with an error: " + Printable.of(reply));
            default -> throw new ProtocolViolation("unexpected reply to STARTTLS: " + Printable.of(reply));
        };
    }

    @Override
    public String farewell() {
        return LOGOUT_TAG + " LOGOUT";
    }

    /**
     * Reads lines up to the tagged completion for {@code tag}, collecting any untagged CAPABILITY
     * response into {@code capabilities}, and returns the tagged line.
     */
    private static String awaitTagged(PlaintextChannel channel, String tag, Set<String> capabilities)
            throws IOException, ProtocolViolation {
        while (true) {
            String line = channel.readLine();
            if (line.startsWith(tag + " ")) {
                return line;
            }
            String status = untaggedStatus(line);
            if (status.equals("CAPABILITY")) {
                capabilities.addAll(atoms(line.substring("* CAPABILITY".length())));
            } else if (status.equals("BYE")) {
                throw new ProtocolViolation("server ended the session: " + Printable.of(line));
            } else if (status.isEmpty()) {
                throw new ProtocolViolation("unexpected line from the server: " + Printable.of(line));
            }
        }
    }

    /** The upper-case word after "* " ("OK", "PREAUTH", "CAPABILITY"), or "" for a line that is not untagged. */
    static String untaggedStatus(String line) {
        if (!line.startsWith("* ")) {
            return "";
        }
        return firstWord(line.substring(2));
    }

    /** The upper-case status word of a completion line for {@code tag} ("OK", "NO", "BAD"), or "" if it is not one. */
    static String taggedStatus(String line, String tag) {
        if (!line.startsWith(tag + " ")) {
            return "";
        }
        return firstWord(line.substring(tag.length() + 1));
    }

    /**
     * The capabilities in a greeting's response code, {@code * OK [CAPABILITY IMAP4rev1 STARTTLS] text}
     * (RFC 3501 §7.1), upper-cased; empty when the greeting carries none.
     */
    static Optional<Set<String>> capabilitiesInGreeting(String greeting) {
        String prefix = "* OK [CAPABILITY ";
        if (!greeting.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        int close = greeting.indexOf(']', prefix.length());
        if (close < 0) {
            return Optional.empty();
        }
        return Optional.of(atoms(greeting.substring(prefix.length(), close)));
    }

    private static Set<String> atoms(String text) {
        Set<String> atoms = new HashSet<>();
        for (String atom : text.trim().split(" +")) {
            if (!atom.isEmpty()) {
                atoms.add(atom.toUpperCase(Locale.ROOT));
            }
        }
        return atoms;
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        String word = space < 0 ? text : text.substring(0, space);
        return word.toUpperCase(Locale.ROOT);
    }
}
