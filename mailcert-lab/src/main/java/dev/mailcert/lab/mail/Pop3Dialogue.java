package dev.mailcert.lab.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** POP3 (RFC 1939) with CAPA (RFC 2449) and STLS (RFC 2595), in the AUTHORIZATION state only. */
final class Pop3Dialogue implements Dialogue {
    private final boolean starttlsOffered;
    private boolean tls;

    Pop3Dialogue(boolean tls, boolean starttlsOffered) {
        this.tls = tls;
        this.starttlsOffered = starttlsOffered;
    }

    @Override
    public String greeting() {
        return "+OK POP3 ready";
    }

    @Override
    public Reply answer(String line) {
        String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        return switch (command) {
            case "CAPA" -> new Reply(capabilities(), Next.CONTINUE);
            case "STLS" -> {
                if (tls) {
                    yield Reply.of("-ERR Command not permitted when TLS active");
                }
                yield starttlsOffered
                        ? new Reply(List.of("+OK Begin TLS negotiation"), Next.START_TLS)
                        : Reply.of("-ERR STLS not available");
            }
            case "QUIT" -> new Reply(List.of("+OK Bye"), Next.CLOSE);
            // RFC 3206 [AUTH]: the credentials are refused, not the command
            case "USER", "PASS", "APOP", "AUTH" ->
                Reply.of(tls ? "-ERR [AUTH] Authentication failed" : "-ERR [AUTH] Plaintext authentication disallowed");
            default -> Reply.of("-ERR Unknown command");
        };
    }

    private List<String> capabilities() {
        List<String> lines =
                new ArrayList<>(List.of("+OK Capability list follows", "TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE"));
        if (tls) {
            lines.addAll(List.of("USER", "SASL PLAIN"));
        } else if (starttlsOffered) {
            lines.add("STLS");
        }
        lines.add(".");
        return lines;
    }

    @Override
    public void tlsStarted() {
        tls = true;
    }

    @Override
    public String farewell(Farewell reason) {
        return switch (reason) {
            case LINE_TOO_LONG -> "-ERR Line too long";
            case IDLE -> "-ERR Disconnected for inactivity";
            case TOO_MANY_COMMANDS -> "-ERR Too many commands";
        };
    }
}
