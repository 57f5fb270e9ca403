package dev.mailcert.web.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address typed where a name was expected ({@code 10.0.0.1}, {@code [fd00::1]},
 * {@code ::ffff:127.0.0.1}), recognised without any DNS lookup so the address policy can refuse
 * it before anything else happens.
 */
public final class AddressLiteral {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private AddressLiteral() {}

    /** The address {@code text} spells, if it is an IPv4 or IPv6 literal (brackets and a trailing dot allowed). */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.endsWith(".") && !s.contains(":")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean v4 = IPV4.matcher(s).matches();
        boolean v6 = !v4 && s.contains(":") && IPV6.matcher(s).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // a literal of these forms is parsed, never looked up
            return Optional.of(InetAddress.getByName(v6 ? "[" + s + "]" : s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
