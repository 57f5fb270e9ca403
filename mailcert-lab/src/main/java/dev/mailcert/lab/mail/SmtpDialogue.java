package dev.mailcert.lab.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SMTP submission (RFC 5321, RFC 6409) up to EHLO, STARTTLS (RFC 3207) and QUIT. */
final class SmtpDialogue implements Dialogue {
    private final boolean starttlsOffered;
    private final String hostname;
    private boolean tls;

    SmtpDialogue(boolean tls, boolean starttlsOffered, String hostname) {
        this.tls = tls;
        this.starttlsOffered = starttlsOffered;
        this.hostname = hostname;
    }

    @Override
    public String greeting() {
        return "220 " + hostname + " ESMTP ready";
    }

    @Override
    public Reply answer(String line) {
        String[] words = line.trim().split(" +", 2);
        String argument = words.length > 1 ? words[1] : "";
        return switch (words[0].toUpperCase(Locale.ROOT)) {
            case "EHLO" ->
                argument.isEmpty()
                        ? Reply.of("501 5.5.4 Syntax: EHLO hostname")
                        : new Reply(extensions(), Next.CONTINUE);
            case "HELO" ->
                argument.isEmpty() ? Reply.of("501 5.5.4 Syntax: HELO hostname") : Reply.of("250 " + hostname);
            case "STARTTLS" -> starttls(argument);
            case "NOOP", "RSET" -> Reply.of("250 2.0.0 OK");
            case "QUIT" -> new Reply(List.of("221 2.0.0 Bye"), Next.CLOSE);
            case "AUTH" ->
                Reply.of(
                        tls
                                ? "535 5.7.8 Authentication credentials invalid"
                                : "530 5.7.0 Must issue a STARTTLS command first");
            case "MAIL", "RCPT", "DATA" -> Reply.of("530 5.7.0 Authentication required");
            default -> Reply.of("500 5.5.2 Error: command not recognized");
        };
    }

    private Reply starttls(String argument) {
        if (!argument.isEmpty()) {
            return Reply.of("501 5.5.4 Syntax: STARTTLS"); // RFC 3207 §4: STARTTLS takes no parameters
        }
        if (tls) {
            return Reply.of("554 5.5.1 Error: TLS already active");
        }
        if (!starttlsOffered) {
            return Reply.of("502 5.5.1 Error: command not implemented");
        }
        return new Reply(List.of("220 2.0.0 Ready to start TLS"), Next.START_TLS);
    }

    /** RFC 5321 §4.2.1: every line but the last carries a hyphen after the code. */
    private List<String> extensions() {
        List<String> keywords = new ArrayList<>(List.of(hostname, "SIZE 10240000"));
        if (tls) {
            keywords.add("AUTH PLAIN");
        } else if (starttlsOffered) {
            keywords.add("STARTTLS");
        }
        keywords.add("8BITMIME");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < keywords.size(); i++) {
            lines.add((i == keywords.size() - 1 ? "250 " : "250-") + keywords.get(i));
        }
        return lines;
    }

    @Override
    public void tlsStarted() {
        tls = true; // RFC 3207 §4.2: the client starts over with EHLO; nothing carries over
    }

    @Override
    public String farewell(Farewell reason) {
        return switch (reason) {
            case LINE_TOO_LONG -> "500 5.5.2 Error: line too long";
            case IDLE -> "421 4.4.2 " + hostname + " Error: timeout exceeded";
            case TOO_MANY_COMMANDS -> "421 4.7.0 " + hostname + " Error: too many commands";
        };
    }
}
