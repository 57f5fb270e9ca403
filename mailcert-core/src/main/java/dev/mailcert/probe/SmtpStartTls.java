package dev.mailcert.probe;

import java.io.IOException;

/**
 * SMTP STARTTLS (RFC 3207, RFC 5321).
 *
 * <pre>
 * S: 220-mx.example ESMTP             (a greeting may span several lines)
 * S: 220 ready
 * C: EHLO mailcert.invalid
 * S: 250-mx.example
 * S: 250 STARTTLS
 * C: STARTTLS
 * S: 220 go ahead
 * </pre>
 *
 * A greeting other than 220 (e.g. 554 "no service here") is a protocol error with the server's
 * words. EHLO refused, no STARTTLS keyword, or an error reply to STARTTLS (e.g. 454) means
 * STARTTLS is unavailable.
 */
final class SmtpStartTls implements StartTlsDialogue {
    /** The client name sent with EHLO: a name reserved never to resolve (RFC 2606), revealing nothing. */
    static final String CLIENT_NAME = "mailcert.invalid";

    @Override
    public Negotiation negotiate(PlaintextChannel channel) throws IOException, ProtocolViolation {
        SmtpReply greeting = SmtpReply.read(channel);
        if (greeting.code() != 220) {
            throw new ProtocolViolation("server refused the session in its greeting: " + greeting.printable());
        }
        channel.send("EHLO " + CLIENT_NAME);
        SmtpReply ehlo = SmtpReply.read(channel);
        if (ehlo.code() != 250) {
            return new Negotiation.Unavailable("server answered EHLO with an error: " + ehlo.printable());
        }
        if (!ehlo.keywords().contains("STARTTLS")) {
            return new Negotiation.Unavailable("server does not advertise STARTTLS");
        }
        channel.send("STARTTLS");
        SmtpReply reply = SmtpReply.read(channel);
        if (reply.code() == 220) {
            return new Negotiation.GoAhead();
        }
        if (reply.code() >= 400) {
            return new Negotiation.Unavailable("server answered STARTTLS with an error: " + reply.printable());
        }
        throw new ProtocolViolation("unexpected reply to STARTTLS: " + reply.printable());
    }

    @Override
    public String farewell() {
        return "QUIT";
    }
}
