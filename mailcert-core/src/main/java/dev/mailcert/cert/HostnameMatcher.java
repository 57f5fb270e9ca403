package dev.mailcert.cert;

import com.google.common.net.InetAddresses;
import dev.mailcert.Printable;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * Does a certificate cover the name a client asked for? A pure function of RFC 9525 (which replaces
 * RFC 6125):
 *
 * <ol>
 *   <li>Only subject alternative name entries of type dNSName and iPAddress count. The subject
 *       common name is never used, even when there is no SAN extension (RFC 9525 §6.3, §2).</li>
 *   <li>Host names are compared case-insensitively as A-labels; a Unicode reference name is
 *       converted first, and one trailing dot on it is ignored (RFC 9525 §6.3, RFC 5890).</li>
 *   <li>An entry that is not a valid A-label name never matches.</li>
 *   <li>A wildcard is valid only as the entire left-most label ("*.example.com") and matches exactly
 *       one label: not the apex "example.com", not "a.b.example.com" (RFC 9525 §6.3).</li>
 *   <li>Partial wildcards ("f*.example.com", "*x.example.com") and "*" in any other label are invalid
 *       and ignored (RFC 9525 §6.3).</li>
 *   <li>A wildcard followed by fewer than two labels ("*.com") is too broad and ignored.</li>
 *   <li>An IP address reference matches only iPAddress entries, compared as addresses (so "::1"
 *       equals "0:0:0:0:0:0:0:1"); DNS names and wildcards never cover an address (RFC 9525 §6.4).</li>
 * </ol>
 */
public final class HostnameMatcher {

    /** How many covered names an explanation lists before summarising the rest. */
    private static final int NAMES_SHOWN = 8;

    private HostnameMatcher() {}

    /**
     * @param referenceName host name (any case, trailing dot, U-labels) or IPv4/IPv6 literal
     * @throws dev.mailcert.BadInputException when the reference name is neither
     */
    public static NameMatch match(String referenceName, X509Certificate cert) {
        ReferenceName reference = ReferenceName.parse(referenceName);
        Presented presented = presented(cert);
        return switch (reference) {
            case ReferenceName.Dns dns ->
                matchDns(dns, presented.dnsEntries(), presented.ipEntries(), presented.covered(), cert);
            case ReferenceName.Ip ip ->
                matchIp(ip, presented.dnsEntries(), presented.ipEntries(), presented.covered(), cert);
        };
    }

    /** A certificate's identities, classified once: a check asks the same certificate about many names. */
    private record Presented(List<PresentedName> dnsEntries, List<String> ipEntries, List<String> covered) {}

    private static final int CACHED_CERTIFICATES = 64;
    private static final Map<X509Certificate, Presented> PRESENTED =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<X509Certificate, Presented> eldest) {
                    return size() > CACHED_CERTIFICATES;
                }
            });

    private static Presented presented(X509Certificate cert) {
        Presented cached = PRESENTED.get(cert);
        if (cached != null) {
            return cached;
        }
        AltNames altNames = AltNames.of(cert);
        List<PresentedName> dnsEntries =
                altNames.dnsNames().stream().map(PresentedName::classify).toList();
        List<String> ipEntries = altNames.ipAddresses().stream()
                .filter(InetAddresses::isInetAddress)
                .toList();
        List<String> covered = new ArrayList<>();
        for (PresentedName entry : dnsEntries) {
            switch (entry.kind()) {
                case EXACT -> covered.add(entry.name());
                case WILDCARD -> covered.add("*." + entry.name());
                case INVALID_WILDCARD, TOO_BROAD_WILDCARD, NOT_A_NAME -> {
                    /* covers nothing */
                }
            }
        }
        ipEntries.forEach(ip -> covered.add(InetAddresses.toAddrString(InetAddresses.forString(ip))));
        Presented fresh = new Presented(dnsEntries, ipEntries, List.copyOf(covered));
        PRESENTED.put(cert, fresh);
        return fresh;
    }

    public static boolean covers(X509Certificate cert, String referenceName) {
        return match(referenceName, cert).matches();
    }

    private static NameMatch matchDns(
            ReferenceName.Dns reference,
            List<PresentedName> entries,
            List<String> ips,
            List<String> covered,
            X509Certificate cert) {
        String name = reference.name().value();
        PresentedName closest = null;
        int closestShared = -1;
        for (PresentedName entry : entries) {
            if (entry.covers(name)) {
                String how = entry.kind() == PresentedName.Kind.WILDCARD ? " (a wildcard covers one label)" : "";
                return new NameMatch(
                        true,
                        covered,
                        reference.display() + " is covered by the certificate entry " + Printable.of(entry.raw()) + how
                                + ".");
            }
            int shared = sharedTrailingLabels(name, entry.name());
            if (shared > closestShared) {
                closest = entry;
                closestShared = shared;
            }
        }
        String intro = notCovered(covered, cert, reference.display());
        if (closest == null) {
            String why = ips.isEmpty() ? "" : ": an IP address entry never covers a host name";
            return new NameMatch(false, covered, intro + why + ".");
        }
        return new NameMatch(false, covered, intro + ": " + closest.rejection(name) + ".");
    }

    private static NameMatch matchIp(
            ReferenceName.Ip reference,
            List<PresentedName> entries,
            List<String> ips,
            List<String> covered,
            X509Certificate cert) {
        for (String ip : ips) {
            // RFC 9525 §6.4: octet-for-octet equality, so textual forms do not matter
            if (Arrays.equals(ReferenceName.octets(ip), reference.octets())) {
                return new NameMatch(
                        true,
                        covered,
                        reference.display() + " is covered by the certificate entry" + " IP address "
                                + InetAddresses.toAddrString(InetAddresses.forString(ip)) + ".");
            }
        }
        String rule = ips.isEmpty()
                ? "an IP address is covered only by an IP address entry, and the certificate has none"
                : "an IP address is covered only by an equal IP address entry";
        if (!entries.isEmpty()) {
            rule += "; DNS names and wildcards never cover an address";
        }
        return new NameMatch(false, covered, notCovered(covered, cert, reference.display()) + ": " + rule + ".");
    }

    /** "The certificate covers a, b and c; x is not one of them", or why it covers nothing at all. */
    private static String notCovered(List<String> covered, X509Certificate cert, String reference) {
        if (!covered.isEmpty()) {
            return "The certificate covers " + listed(covered) + "; " + reference + " is not one of them";
        }
        String cn = commonName(cert);
        String cnNote = cn.isEmpty() ? "" : " (its subject CN '" + Printable.of(cn) + "' is never used for matching)";
        String what = AltNames.of(cert).isEmpty() ? "lists no DNS names or IP addresses" : "lists no usable name";
        return "The certificate " + what + cnNote + ", so it does not cover " + reference;
    }

    private static String listed(List<String> names) {
        List<String> shown =
                names.stream().limit(NAMES_SHOWN).map(Printable::of).toList();
        if (names.size() > NAMES_SHOWN) {
            return String.join(", ", shown) + " and " + (names.size() - NAMES_SHOWN) + " more names";
        }
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }

    private static int sharedTrailingLabels(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        int shared = 0;
        while (shared < left.length
                && shared < right.length
                && left[left.length - 1 - shared].equals(right[right.length - 1 - shared])) {
            shared++;
        }
        return shared;
    }

    /** The subject CN, only to tell people that it is ignored. */
    private static String commonName(X509Certificate cert) {
        String dn = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String part : dn.split("(?<!\\\\),")) {
            if (part.regionMatches(true, 0, "CN=", 0, 3)) {
                return part.substring(3);
            }
        }
        return "";
    }
}
