package dev.mailcert.web.policy;

import dev.mailcert.AddressPolicy;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address policy of the web service: only global unicast addresses may be connected to, so
 * that a name typed by a stranger cannot make the service reach into the network it runs in
 * (SSRF). Refused, each with a reason for a person: loopback, private (RFC 1918), shared
 * (RFC 6598), link-local, unique local, multicast, unspecified, broadcast, documentation and
 * benchmarking ranges, reserved ranges, and IPv6 forms that embed an IPv4 address the policy
 * refuses (IPv4-mapped, IPv4-compatible, 6to4, NAT64). Pure and thread-safe.
 *
 * <pre>{@code
 * new PublicAddressPolicy().refusal(InetAddress.getByName("10.1.2.3"));  // "a private network address (RFC 1918)"
 * }</pre>
 */
public final class PublicAddressPolicy implements AddressPolicy {

    /** A block of addresses and why it is refused. */
    record Block(byte[] prefix, int bits, String reason) {
        static Block of(String cidr, String reason) {
            int slash = cidr.indexOf('/');
            try {
                // literals only: InetAddress never resolves a dotted or colon form
                byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                if (cidr.contains(":") && prefix.length == 4) {
                    prefix = mapped(prefix);
                }
                return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), reason);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address block: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    // IANA IPv4 Special-Purpose Address Registry (RFC 6890 and its updates): the blocks that are not globally reachable
    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "an unspecified or \"this network\" address"),
            Block.of("10.0.0.0/8", "a private network address (RFC 1918)"),
            Block.of("100.64.0.0/10", "a carrier-grade NAT address (RFC 6598), not reachable from the internet"),
            Block.of("127.0.0.0/8", "a loopback address (the service's own machine)"),
            Block.of("169.254.0.0/16", "a link-local address"),
            Block.of("172.16.0.0/12", "a private network address (RFC 1918)"),
            Block.of("192.0.0.0/24", "an address reserved for IETF protocols"),
            Block.of("192.0.2.0/24", "a documentation address (RFC 5737)"),
            Block.of("192.88.99.0/24", "a deprecated 6to4 relay address (RFC 7526)"),
            Block.of("192.168.0.0/16", "a private network address (RFC 1918)"),
            Block.of("198.18.0.0/15", "a benchmarking address (RFC 2544)"),
            Block.of("198.51.100.0/24", "a documentation address (RFC 5737)"),
            Block.of("203.0.113.0/24", "a documentation address (RFC 5737)"),
            Block.of("224.0.0.0/4", "a multicast address"),
            Block.of("255.255.255.255/32", "the broadcast address"),
            Block.of("240.0.0.0/4", "a reserved address (240.0.0.0/4)"));

    // IANA IPv6 Special-Purpose Address Registry; everything outside 2000::/3 is refused anyway
    private static final List<Block> IPV6 = List.of(
            Block.of("2001:db8::/32", "a documentation address (RFC 3849)"),
            Block.of("3fff::/20", "a documentation address (RFC 9637)"),
            Block.of("2001:2::/48", "a benchmarking address (RFC 5180)"),
            Block.of("2001::/32", "a Teredo tunnel address (RFC 4380)"),
            Block.of("2001::/23", "an address reserved for IETF protocols"));

    private static final Block UNSPECIFIED = Block.of("::/128", "the unspecified address");
    private static final Block LOOPBACK = Block.of("::1/128", "a loopback address (the service's own machine)");
    private static final Block COMPATIBLE = Block.of("::/96", "");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16", "");
    private static final Block NAT64 = Block.of("64:ff9b::/96", "");
    private static final Block NAT64_LOCAL = Block.of("64:ff9b:1::/48", "a local-use NAT64 address (RFC 8215)");
    private static final Block LINK_LOCAL = Block.of("fe80::/10", "a link-local address");
    private static final Block SITE_LOCAL = Block.of("fec0::/10", "a site-local address (deprecated)");
    private static final Block UNIQUE_LOCAL = Block.of("fc00::/7", "a unique local address (private network)");
    private static final Block MULTICAST = Block.of("ff00::/8", "a multicast address");
    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", "");

    @Override
    public Optional<String> refusal(InetAddress address) {
        return switch (address) {
            case Inet4Address v4 -> ipv4(v4.getAddress());
            case Inet6Address v6 -> ipv6(v6.getAddress());
            default -> Optional.of("not an IPv4 or IPv6 address");
        };
    }

    private static Optional<String> ipv4(byte[] address) {
        return IPV4.stream().filter(b -> b.contains(address)).findFirst().map(Block::reason);
    }

    private static Optional<String> ipv6(byte[] address) {
        if (UNSPECIFIED.contains(address)) {
            return Optional.of(UNSPECIFIED.reason());
        }
        if (LOOPBACK.contains(address)) {
            return Optional.of(LOOPBACK.reason());
        }
        byte[] embedded;
        if (isMapped(address)) {
            embedded = slice(address, 12);
            return Optional.of("an IPv4-mapped address of " + ipv4Text(embedded)
                    + ipv4(embedded).map(r -> ", " + r).orElse(""));
        }
        if (COMPATIBLE.contains(address)) {
            embedded = slice(address, 12);
            return Optional.of("a deprecated IPv4-compatible address of " + ipv4Text(embedded)
                    + ipv4(embedded).map(r -> ", " + r).orElse(""));
        }
        if (NAT64_LOCAL.contains(address)) {
            return Optional.of(NAT64_LOCAL.reason());
        }
        if (NAT64.contains(address)) {
            embedded = slice(address, 12);
            return ipv4(embedded).map(r -> "a NAT64 address of " + ipv4Text(embedded) + ", " + r);
        }
        if (SIX_TO_FOUR.contains(address)) {
            embedded = slice(address, 2);
            return ipv4(embedded).map(r -> "a 6to4 address of " + ipv4Text(embedded) + ", " + r);
        }
        for (Block block : List.of(LINK_LOCAL, SITE_LOCAL, UNIQUE_LOCAL, MULTICAST)) {
            if (block.contains(address)) {
                return Optional.of(block.reason());
            }
        }
        if (!GLOBAL_UNICAST.contains(address)) {
            return Optional.of("a reserved IPv6 address (outside global unicast 2000::/3)");
        }
        return IPV6.stream().filter(b -> b.contains(address)).findFirst().map(Block::reason);
    }

    private static boolean isMapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static byte[] mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }

    private static byte[] slice(byte[] address, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(address, from, v4, 0, 4);
        return v4;
    }

    private static String ipv4Text(byte[] v4) {
        return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }
}
