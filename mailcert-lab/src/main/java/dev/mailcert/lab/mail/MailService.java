package dev.mailcert.lab.mail;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The six mail services a lab server can offer: three protocols, each with implicit TLS and STARTTLS. */
public enum MailService {
    IMAP_TLS("imap-tls", 993, true),
    IMAP_STARTTLS("imap-starttls", 143, false),
    POP3_TLS("pop3-tls", 995, true),
    POP3_STARTTLS("pop3-starttls", 110, false),
    /** RFC 8314 submission over implicit TLS. */
    SMTP_TLS("smtp-tls", 465, true),
    /** RFC 6409 submission with STARTTLS. */
    SMTP_STARTTLS("smtp-starttls", 587, false);

    private final String id;
    private final int standardPort;
    private final boolean implicitTls;

    MailService(String id, int standardPort, boolean implicitTls) {
        this.id = id;
        this.standardPort = standardPort;
        this.implicitTls = implicitTls;
    }

    /** The name used in scenario files, e.g. "imap-starttls". */
    public String id() {
        return id;
    }

    public int standardPort() {
        return standardPort;
    }

    public int port(int portOffset) {
        return standardPort + portOffset;
    }

    /** True when TLS starts right after connecting; false when the client asks with STARTTLS/STLS. */
    public boolean implicitTls() {
        return implicitTls;
    }

    /** A fresh dialogue for one connection. */
    Dialogue newDialogue(boolean starttlsOffered, String hostname) {
        return switch (this) {
            case IMAP_TLS, IMAP_STARTTLS -> new ImapDialogue(implicitTls, starttlsOffered);
            case POP3_TLS, POP3_STARTTLS -> new Pop3Dialogue(implicitTls, starttlsOffered);
            case SMTP_TLS, SMTP_STARTTLS -> new SmtpDialogue(implicitTls, starttlsOffered, hostname);
        };
    }

    public static MailService fromId(String id) {
        for (MailService service : values()) {
            if (service.id.equalsIgnoreCase(id)) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service '" + id + "' (expected one of "
                + Arrays.stream(values()).map(MailService::id).collect(Collectors.joining(", ")) + ")");
    }
}
