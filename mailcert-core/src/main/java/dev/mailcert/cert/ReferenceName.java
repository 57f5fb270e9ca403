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

    /** {@code octets} as written: 4 for IPv4, 16 for IPv6 (also for IPv4-mapped IPv6). */
    record Ip(byte[] octets, String display) implements ReferenceName {}

    /**
     * The octets of an IP literal as an iPAddress SAN would hold them (RFC 5280 §4.2.1.6): an IPv6
     * literal is always 16 octets, even "::ffff:192.0.2.7", which Java would turn into an IPv4 address.
     */
    static byte[] octets(String literal) {
        InetAddress address = InetAddresses.forString(literal);
        byte[] octets = address.getAddress();
        if (literal.indexOf(':') >= 0 && octets.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(octets, 0, mapped, 12, 4);
            return mapped;
        }
        return octets;
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
                    ? literal.substring(0, literal.length() - 1)
                    : literal;
            if (address.indexOf('%') >= 0) {
                // a zone index (fe80::1%eth0) names a local interface, never part of an iPAddress entry;
                // parsing one would also consult this machine's interfaces
                throw new BadInputException(
                        "an IP address with a zone index (%...) cannot be in a certificate: " + Printable.of(text));
            }
            if (address.length() <= 64 && InetAddresses.isInetAddress(address)) {
                return new Ip(octets(address), InetAddresses.toAddrString(InetAddresses.forString(address)));
            }
            throw new BadInputException("not a valid IP address: " + Printable.of(text));
        }
        return new Dns(HostName.parse(literal));
    }
}
