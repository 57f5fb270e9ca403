package dev.mailcert.probe;

/**
 * The server broke the mail protocol before TLS: a bad greeting, an unexpected reply, or a line,
 * line count or byte count over its limit. Caught by the prober and reported as
 * {@link Outcome#PROTOCOL_ERROR}; the message is plain words for a person.
 */
final class ProtocolViolation extends Exception {

    ProtocolViolation(String message) {
        super(message, null, false, false);
    }
}
