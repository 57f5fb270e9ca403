package dev.mailcert.lab.mail;

import java.util.List;
import java.util.Locale;

/** IMAP4rev1 (RFC 3501) up to STARTTLS, CAPABILITY and LOGOUT. */
final class ImapDialogue implements Dialogue {
    private final boolean starttlsOffered;
    private boolean tls;

    ImapDialogue(boolean tls, boolean starttlsOffered) {
        this.tls = tls;
        this.starttlsOffered = starttlsOffered;
    }

    private String capabilities() {
        if (tls) {
            return "IMAP4rev1 AUTH=PLAIN";
        }
        // RFC 3501 §6.2.3: LOGINDISABLED tells clients not to send passwords in the clear
        return starttlsOffered ? "IMAP4rev1 STARTTLS LOGINDISABLED" : "IMAP4rev1 LOGINDISABLED";
    }

    @Override
    public String greeting() {
        return "* OK [CAPABILITY " + capabilities() + "] ready";
    }

    @Override
    public Reply answer(String line) {
        String[] words = line.split(" ", 3);
        String tag = words[0];
        if (tag.isEmpty() || !tag.chars().allMatch(c -> c > ' ' && c < 127 && "(){%*\"\\+".indexOf(c) < 0)) {
            return Reply.of("* BAD Missing or invalid tag");
        }
        if (words.length < 2 || words[1].isEmpty()) {
            return Reply.of(tag + " BAD Missing command");
        }
        return switch (words[1].toUpperCase(Locale.ROOT)) {
            case "CAPABILITY" ->
                new Reply(List.of("* CAPABILITY " + capabilities(), tag + " OK CAPABILITY completed"), Next.CONTINUE);
            case "NOOP" -> Reply.of(tag + " OK NOOP completed");
            case "LOGOUT" -> new Reply(List.of("* BYE Logging out", tag + " OK LOGOUT completed"), Next.CLOSE);
            case "STARTTLS" ->
                !tls && starttlsOffered
                        ? new Reply(List.of(tag + " OK Begin TLS negotiation now"), Next.START_TLS)
                        : Reply.of(tag + " BAD STARTTLS not available");
            case "LOGIN", "AUTHENTICATE" ->
                Reply.of(
                        tls
                                ? tag + " NO [AUTHENTICATIONFAILED] Authentication failed"
                                : tag + " NO [PRIVACYREQUIRED] Log in only after STARTTLS");
            default -> Reply.of(tag + " BAD Unknown command");
        };
    }

    @Override
    public void tlsStarted() {
        tls = true;
    }

    @Override
    public String farewell(Farewell reason) {
        return switch (reason) {
            case LINE_TOO_LONG -> "* BYE Line too long";
            case IDLE -> "* BYE Autologout; idle for too long";
            case TOO_MANY_COMMANDS -> "* BYE Too many commands";
        };
    }
}
