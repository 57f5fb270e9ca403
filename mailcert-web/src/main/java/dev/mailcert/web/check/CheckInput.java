package dev.mailcert.web.check;

import dev.mailcert.AddressPolicy;
import dev.mailcert.BadInputException;
import dev.mailcert.HostName;
import dev.mailcert.Printable;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.web.policy.AddressLiteral;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The target and server name of a request, as typed: parsed into a {@link CheckRequest}, or
 * turned into the answer that says why not. An IP address typed as the server or as the domain
 * is judged by the address policy first (403 when refused), and is otherwise not a name that a
 * certificate could be checked for (400).
 */
public final class CheckInput {
    private static final int MAX_TARGET = 320; // RFC 5321: 64 + 1 + 255
    private static final int MAX_SERVER = 255;

    private CheckInput() {}

    /** Either the request to run or the answer that refuses it. */
    public sealed interface Parsed {}

    public record Valid(CheckRequest request) implements Parsed {}

    public record Invalid(CheckAnswer answer) implements Parsed {}

    public static Parsed parse(String target, String server, AddressPolicy policy) {
        if (target == null || target.isBlank()) {
            return bad("Type your email address (or your mail domain), e.g. alice@customer.example.");
        }
        if (target.length() > MAX_TARGET) {
            return bad("That is too long for an email address (at most " + MAX_TARGET + " characters).");
        }
        String domainPart = target.strip().substring(target.strip().lastIndexOf('@') + 1);
        Optional<Parsed> literal = literal(domainPart, "the domain", policy);
        if (literal.isPresent()) {
            return literal.get();
        }
        Target parsedTarget;
        try {
            parsedTarget = Target.parse(target);
        } catch (BadInputException e) {
            return bad(sentence(e.getMessage()));
        }
        CheckRequest request = CheckRequest.of(parsedTarget);
        if (server == null || server.isBlank()) {
            return new Valid(request);
        }
        if (server.length() > MAX_SERVER) {
            return bad("That is too long for a server name (at most " + MAX_SERVER + " characters).");
        }
        literal = literal(server, "the server", policy);
        if (literal.isPresent()) {
            return literal.get();
        }
        try {
            return new Valid(request.withServer(HostName.parse(server)));
        } catch (BadInputException e) {
            return bad("Server name: " + sentence(e.getMessage()));
        }
    }

    private static Optional<Parsed> literal(String text, String what, AddressPolicy policy) {
        Optional<InetAddress> address = AddressLiteral.parse(text);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        String shown = address.get().getHostAddress();
        Optional<String> refusal = policy.refusal(address.get());
        if (refusal.isPresent()) {
            return Optional.of(new Invalid(
                    new CheckAnswer.Refused("You gave " + what + " as the address " + shown + ", " + refusal.get()
                            + ". This service connects only to public internet addresses, so it did not check it.")));
        }
        return Optional.of(bad("You gave " + what + " as the address " + Printable.of(shown) + ". A certificate is "
                + "checked for a name: type the name your mail program uses, e.g. mail.customer.example."));
    }

    private static Parsed bad(String message) {
        return new Invalid(new CheckAnswer.BadInput(message));
    }

    private static String sentence(String message) {
        String s = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") || s.endsWith(")") ? s : s + ".";
    }
}
