package dev.mailcert.probe;

import java.util.Locale;

/** The mail protocols a client is configured with. */
public enum Protocol {
    IMAP,
    POP3,
    SMTP;

    /** The lower-case name used in JSON and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word a mail client shows for this protocol's server. */
    public String label() {
        return switch (this) {
            case IMAP -> "IMAP (incoming)";
            case POP3 -> "POP3 (incoming)";
            case SMTP -> "SMTP (outgoing)";
        };
    }
}
