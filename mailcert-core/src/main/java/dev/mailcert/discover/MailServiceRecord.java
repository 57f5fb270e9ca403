package dev.mailcert.discover;

import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.probe.Protocol;

/**
 * The SRV names a mail client asks (RFC 6186 §3, RFC 8314 §5.1 for implicit TLS), with the
 * protocol and socket type each stands for. Implicit-TLS names come first: RFC 8314 §5.1 prefers them.
 */
enum MailServiceRecord {
    IMAPS("_imaps._tcp", Protocol.IMAP, SocketType.SSL),
    IMAP("_imap._tcp", Protocol.IMAP, SocketType.STARTTLS),
    POP3S("_pop3s._tcp", Protocol.POP3, SocketType.SSL),
    POP3("_pop3._tcp", Protocol.POP3, SocketType.STARTTLS),
    SUBMISSIONS("_submissions._tcp", Protocol.SMTP, SocketType.SSL),
    SUBMISSION("_submission._tcp", Protocol.SMTP, SocketType.STARTTLS);

    private final String prefix;
    private final Protocol protocol;
    private final SocketType socketType;

    MailServiceRecord(String prefix, Protocol protocol, SocketType socketType) {
        this.prefix = prefix;
        this.protocol = protocol;
        this.socketType = socketType;
    }

    String nameFor(String domain) {
        return prefix + "." + domain;
    }

    Protocol protocol() {
        return protocol;
    }

    SocketType socketType() {
        return socketType;
    }
}
