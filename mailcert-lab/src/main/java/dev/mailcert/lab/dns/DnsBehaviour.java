package dev.mailcert.lab.dns;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the lab DNS server misbehaves, per query name, so that tests can produce the DNS
 * pathologies a check must survive. Names are absolute, lower-case, without the trailing dot
 * (a trailing dot and upper case are tolerated and normalised).
 *
 * @param servfail names answered with RCODE 2, SERVFAIL
 * @param refused names answered with RCODE 5, REFUSED, as a resolver that will not serve the asker does
 * @param silent names never answered, over UDP or TCP (the asker times out)
 * @param truncateOverUdp names answered over UDP with an empty answer and TC set, so that the
 *     asker must retry over TCP to get the full answer (RFC 7766 §5)
 * @param udpPayloadLimit the largest UDP response the server sends even when the asker offers a
 *     larger EDNS buffer (RFC 6891 §6.2.5); 512 to 65535
 */
public record DnsBehaviour(
        Set<String> servfail,
        Set<String> refused,
        Set<String> silent,
        Set<String> truncateOverUdp,
        int udpPayloadLimit) {

    /** RFC 1035 §4.2.1: the UDP size every DNS server and client supports. */
    public static final int CLASSIC_UDP_SIZE = 512;

    /** The EDNS buffer size recommended since DNS Flag Day 2020: no IP fragmentation. */
    public static final int DEFAULT_UDP_PAYLOAD_LIMIT = 1232;

    public DnsBehaviour {
        servfail = normalised(servfail);
        refused = normalised(refused);
        silent = normalised(silent);
        truncateOverUdp = normalised(truncateOverUdp);
        if (udpPayloadLimit < CLASSIC_UDP_SIZE || udpPayloadLimit > 65535) {
            throw new IllegalArgumentException("udpPayloadLimit must be 512 to 65535, was " + udpPayloadLimit);
        }
    }

    /** Answers everything as a correct authoritative server would. */
    public static DnsBehaviour normal() {
        return new DnsBehaviour(Set.of(), Set.of(), Set.of(), Set.of(), DEFAULT_UDP_PAYLOAD_LIMIT);
    }

    public DnsBehaviour withServfail(String... names) {
        return new DnsBehaviour(union(servfail, names), refused, silent, truncateOverUdp, udpPayloadLimit);
    }

    public DnsBehaviour withRefused(String... names) {
        return new DnsBehaviour(servfail, union(refused, names), silent, truncateOverUdp, udpPayloadLimit);
    }

    public DnsBehaviour withSilent(String... names) {
        return new DnsBehaviour(servfail, refused, union(silent, names), truncateOverUdp, udpPayloadLimit);
    }

    public DnsBehaviour withTruncateOverUdp(String... names) {
        return new DnsBehaviour(servfail, refused, silent, union(truncateOverUdp, names), udpPayloadLimit);
    }

    public DnsBehaviour withUdpPayloadLimit(int limit) {
        return new DnsBehaviour(servfail, refused, silent, truncateOverUdp, limit);
    }

    /** The form names are kept in: lower case, no trailing dot. */
    static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") && lower.length() > 1 ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static Set<String> normalised(Set<String> names) {
        return names.stream().map(DnsBehaviour::key).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> union(Set<String> names, String... more) {
        return Stream.concat(names.stream(), Arrays.stream(more)).collect(Collectors.toUnmodifiableSet());
    }
}
