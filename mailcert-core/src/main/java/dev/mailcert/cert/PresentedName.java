package dev.mailcert.cert;

import com.google.common.net.InternetDomainName;
import dev.mailcert.HostName;
import java.util.Locale;

/**
 * One dNSName entry of a certificate, classified by the rules of RFC 9525 §6.3 and §6.3.1 (wildcards).
 * {@code name} is the lower-case name, or for a wildcard the part after "*.".
 */
record PresentedName(String raw, Kind kind, String name) {

    enum Kind {
        /** A valid A-label host name: matches only itself. */
        EXACT,
        /** "*." followed by at least two valid labels: matches exactly one label in front of them. */
        WILDCARD,
        /** A "*" anywhere but as the entire left-most label ("f*.x.com", "*x.com", "a.*.com"): covers nothing. */
        INVALID_WILDCARD,
        /** "*.com", "*.co.uk": a wildcard directly over a public suffix (or a single label): covers nothing. */
        TOO_BROAD_WILDCARD,
        /** Not a host name in A-label form (U-labels, underscores, bad punycode, empty labels): covers nothing. */
        NOT_A_NAME
    }

    static PresentedName classify(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.startsWith("*.")) {
            String base = lower.substring(2);
            if (base.indexOf('*') >= 0) {
                return new PresentedName(raw, Kind.INVALID_WILDCARD, base);
            }
            if (!isALabelName(base)) {
                return new PresentedName(raw, Kind.NOT_A_NAME, base);
            }
            // Rule: a wildcard must not stand for a registrable domain: "*.com", "*.co.uk" and, from the private
            // section of the Public Suffix List, "*.s3.amazonaws.com" cover nothing (RFC 9525 §7.1 on the reach
            // of wildcards; there every name belongs to a different customer).
            boolean tooBroad = base.indexOf('.') < 0 || isPublicSuffix(base);
            return new PresentedName(raw, tooBroad ? Kind.TOO_BROAD_WILDCARD : Kind.WILDCARD, base);
        }
        if (lower.indexOf('*') >= 0) {
            return new PresentedName(raw, Kind.INVALID_WILDCARD, lower);
        }
        return new PresentedName(raw, isALabelName(lower) ? Kind.EXACT : Kind.NOT_A_NAME, lower);
    }

    private static boolean isPublicSuffix(String name) {
        try {
            // isPublicSuffix: both sections of the list (isRegistrySuffix would be the ICANN section only)
            return InternetDomainName.from(name).isPublicSuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Letters, digits and hyphens only (RFC 5890 A-labels), and every "xn--" label is a valid IDNA2008 A-label. */
    static boolean isALabelName(String name) {
        if (!HostName.isValid(name)) {
            return false;
        }
        for (String label : name.split("\\.")) {
            if (label.startsWith("xn--") && !HostName.isALabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** True when this entry covers {@code reference} (an A-label, lower-case host name). */
    boolean covers(String reference) {
        return switch (kind) {
            case EXACT -> name.equals(reference);
            // RFC 9525 §6.3: "*" stands for exactly one whole label, never for the apex or for two labels
            case WILDCARD ->
                reference.length() > name.length() + 1
                        && reference.endsWith("." + name)
                        && reference.indexOf('.') == reference.length() - name.length() - 1;
            case INVALID_WILDCARD, TOO_BROAD_WILDCARD, NOT_A_NAME -> false;
        };
    }

    /** Why this entry does not cover {@code reference}, in plain words (only called when it does not). */
    String rejection(String reference) {
        String shown = dev.mailcert.Printable.of(raw);
        return switch (kind) {
            case EXACT -> shown + " names a different host";
            case WILDCARD -> {
                if (reference.equals(name)) {
                    yield "a wildcard never covers the domain itself, so " + shown + " does not cover " + name;
                }
                if (reference.endsWith("." + name)) {
                    int extra = reference
                            .substring(0, reference.length() - name.length() - 1)
                            .split("\\.")
                            .length;
                    yield "a wildcard covers exactly one label, and " + reference + " is " + extra + " labels below "
                            + name;
                }
                yield "a wildcard covers exactly one label, and " + shown + " covers only names directly below " + name
                        + " (such as mail." + name + ")";
            }
            case INVALID_WILDCARD ->
                shown + " is not a valid wildcard (the * must be the entire left-most label)" + " and covers nothing";
            case TOO_BROAD_WILDCARD ->
                shown + " is too broad to be accepted (a wildcard may not stand for a whole"
                        + " registrable domain under a public suffix such as " + name + ") and covers nothing";
            case NOT_A_NAME -> shown + " is not a DNS name in A-label form and covers nothing";
        };
    }
}
