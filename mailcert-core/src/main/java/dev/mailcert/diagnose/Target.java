package dev.mailcert.diagnose;

import dev.mailcert.BadInputException;
import dev.mailcert.HostName;
import dev.mailcert.Printable;
import java.util.Optional;

/**
 * What a check is about: an email address ({@code alice@customer.example}) or a bare mail domain.
 * The local part is kept only to show it back; it is never sent anywhere.
 */
public record Target(String input, Optional<String> localPart, HostName domain) {

    private static final int MAX_LOCAL_PART = 64; // RFC 5321 §4.5.3.1.1

    public static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException(
                    "a target is required: an email address or a domain, e.g. alice@customer.example");
        }
        String input = text.strip();
        int at = input.lastIndexOf('@');
        if (at < 0) {
            return new Target(input, Optional.empty(), domain(input, input));
        }
        String local = input.substring(0, at);
        boolean quoted = local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"");
        if (local.isEmpty()
                || local.length() > MAX_LOCAL_PART
                || local.chars().anyMatch(c -> c <= ' ' || c == 127)
                || (!quoted && local.contains("@"))) {
            throw new BadInputException("not an email address: " + Printable.of(input));
        }
        return new Target(input, Optional.of(local), domain(input.substring(at + 1), input));
    }

    private static HostName domain(String text, String input) {
        if (text.isEmpty() || text.contains("@")) {
            throw new BadInputException("not an email address or a domain: " + Printable.of(input));
        }
        try {
            HostName name = HostName.parse(text);
            if (!name.value().contains(".")) {
                throw new BadInputException(
                        "not a mail domain (it needs a dot, e.g. customer.example): " + Printable.of(text));
            }
            return name;
        } catch (BadInputException e) {
            throw new BadInputException(
                    "not an email address or a domain: " + Printable.of(input) + " (" + e.getMessage() + ")");
        }
    }

    /** The domain or the address, as the person gave it. */
    @Override
    public String toString() {
        return input;
    }
}
