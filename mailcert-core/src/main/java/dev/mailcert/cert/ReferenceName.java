package dev.mailcert.cert;

import com.google.common.net.InetAddresses;
import dev.mailcert.BadInputException;
import dev.mailcert.HostName;
import dev.mailcert.Printable;
import java.net.InetAddress;

/** The name a client asked for: a DNS host name in A-label form, or an IP address literal. */
sealed interface ReferenceName {

    /** The name as shown to people. */
    String display();

    record Dns(HostName name) implements ReferenceName {
        @Override
        public String display() {
            String unicode = name.unicode();
            return unicode.equals(name.value()) ? name.value() : name.value() + " (" + unicode + ")";
        }
    }

    record Ip(InetAddress address) implements ReferenceName {
        @Override
        public String display() {
            return InetAddresses.toAddrString(address);
        }
    }

    /**
     * IPv4 dotted quads and IPv6 literals (optionally in brackets) are addresses; everything else
     * must be a host name, where Unicode labels become A-labels and one trailing dot is dropped.
     * Literals are parsed without any DNS lookup.
     */
    static ReferenceName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("a host name is required");
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        boolean looksLikeAddress = literal.indexOf(':') >= 0
                || (!literal.isEmpty() && literal.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.'));
        if (looksLikeAddress) {
            String address = literal.endsWith(".") && literal.indexOf(':') < 0
                    ? literal.substring(0, literal.length() - 1) : literal;
            if (address.length() <= 64 && InetAddresses.isInetAddress(address)) {
                return new Ip(InetAddresses.forString(address));
            }
            throw new BadInputException("not a valid IP address: " + Printable.of(text));
        }
        return new Dns(HostName.parse(literal));
    }
}
