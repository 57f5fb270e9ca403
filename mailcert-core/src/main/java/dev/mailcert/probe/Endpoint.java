package dev.mailcert.probe;

import java.util.List;

/** One way of reaching a mail service on a server: protocol, port and how TLS starts. */
public record Endpoint(Protocol protocol, int port, Security security) {

    public Endpoint {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * The six client endpoints: IMAP 993/143, POP3 995/110, SMTP submission 465/587, each port
     * plus {@code offset} (labs run unprivileged on port + 10000). Implicit TLS comes first
     * because RFC 8314 prefers it.
     */
    public static List<Endpoint> standard(int offset) {
        return List.of(
                new Endpoint(Protocol.IMAP, 993 + offset, Security.TLS),
                new Endpoint(Protocol.IMAP, 143 + offset, Security.STARTTLS),
                new Endpoint(Protocol.POP3, 995 + offset, Security.TLS),
                new Endpoint(Protocol.POP3, 110 + offset, Security.STARTTLS),
                new Endpoint(Protocol.SMTP, 465 + offset, Security.TLS),
                new Endpoint(Protocol.SMTP, 587 + offset, Security.STARTTLS));
    }

    /**
     * SMTP relay on port 25 (+ offset) with STARTTLS: where other mail servers deliver to the
     * domain's MX hosts. Probed only when asked, since clients never submit there.
     */
    public static Endpoint relay(int offset) {
        return new Endpoint(Protocol.SMTP, 25 + offset, Security.STARTTLS);
    }

    @Override
    public String toString() {
        return protocol.id() + "/" + port + "/" + security.id();
    }
}
