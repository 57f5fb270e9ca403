package dev.mailcert.dns;

import com.google.common.net.InetAddresses;
import dev.mailcert.BadInputException;
import dev.mailcert.HostName;
import dev.mailcert.Printable;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * One DNS server to ask, given as {@code HOST[:PORT]}.
 *
 * <pre>{@code
 * DnsServer.parse("127.0.0.53");      // port 53
 * DnsServer.parse("127.0.0.1:5353");
 * DnsServer.parse("[::1]:5353");      // IPv6 with a port needs brackets (RFC 3986 §3.2.2)
 * DnsServer.parse("::1");
 * DnsServer.parse("localhost:5353");  // a name is resolved once, by the system
 * }</pre>
 */
public record DnsServer(InetSocketAddress address) {

    public static final int DEFAULT_PORT = 53;

    public DnsServer {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("a DNS server needs a resolved address: " + address);
        }
    }

    /**
     * Parses {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare IPv6 address.
     *
     * @throws BadInputException with one line for a person when the text is not such an address
     */
    public static DnsServer parse(String hostPort) {
        if (hostPort == null || hostPort.isBlank()) {
            throw bad("a DNS server address is required, e.g. 127.0.0.53 or [::1]:5353");
        }
        String text = hostPort.strip();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw bad("missing ']' after the IPv6 address: " + Printable.of(text));
            }
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw bad("expected ':PORT' after ']': " + Printable.of(text));
            }
            InetAddress address = ipv6(text.substring(1, close));
            return at(address, rest.isEmpty() ? DEFAULT_PORT : port(rest.substring(1), text));
        }
        int colons = (int) text.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            return at(ipv6(text), DEFAULT_PORT);
        }
        if (colons == 1) {
            int colon = text.indexOf(':');
            return at(host(text.substring(0, colon)), port(text.substring(colon + 1), text));
        }
        return at(host(text), DEFAULT_PORT);
    }

    /** {@code 127.0.0.53:53} or {@code [::1]:53}, as a person would type it. */
    public String hostPort() {
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static DnsServer at(InetAddress address, int port) {
        return new DnsServer(new InetSocketAddress(address, port));
    }

    private static InetAddress ipv6(String text) {
        // Guava parses literals only: never a DNS lookup, no legacy forms like "1.2.3"
        if (text.indexOf(':') < 0 || !InetAddresses.isInetAddress(text)) {
            throw bad("not an IPv6 address (with a port, write [ADDRESS]:PORT): " + Printable.of(text));
        }
        return InetAddresses.forString(text);
    }

    private static InetAddress host(String text) {
        if (text.isEmpty()) {
            throw bad("a host is required before ':'");
        }
        if (InetAddresses.isInetAddress(text)) {
            return InetAddresses.forString(text);
        }
        if (text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            throw bad("not a valid IPv4 address: " + Printable.of(text));
        }
        HostName name;
        try {
            name = HostName.parse(text);
        } catch (BadInputException e) {
            throw bad(e.getMessage());
        }
        try {
            return InetAddress.getByName(name.value());
        } catch (UnknownHostException | SecurityException e) {
            throw bad("cannot resolve the DNS server's name: " + name.value());
        }
    }

    private static int port(String text, String whole) {
        if (text.isEmpty()) {
            throw bad("missing port number after ':' in " + Printable.of(whole));
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad("not a port number: " + Printable.of(text));
        }
        int port = text.length() > 5 ? -1 : Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw bad("port out of range (1-65535): " + Printable.of(text));
        }
        return port;
    }

    private static BadInputException bad(String problem) {
        return new BadInputException(problem);
    }
}
