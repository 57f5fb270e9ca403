package dev.mailcert.probe;

import java.io.IOException;

/**
 * The plaintext steps of one protocol up to its STARTTLS go-ahead. A dialogue sends no
 * credentials, sends one command at a time and waits for its whole reply, and ends at the
 * go-ahead: nothing learned before TLS is used after it.
 */
sealed interface StartTlsDialogue permits ImapStartTls, Pop3StartTls, SmtpStartTls {

    /**
     * Reads the greeting and asks for TLS.
     *
     * @throws ProtocolViolation the server broke the protocol or refused the session in its greeting
     */
    Negotiation negotiate(PlaintextChannel channel) throws IOException, ProtocolViolation;

    /** The command sent over TLS, best effort, to end the session politely. */
    String farewell();

    static StartTlsDialogue of(Protocol protocol) {
        return switch (protocol) {
            case IMAP -> new ImapStartTls();
            case POP3 -> new Pop3StartTls();
            case SMTP -> new SmtpStartTls();
        };
    }
}
