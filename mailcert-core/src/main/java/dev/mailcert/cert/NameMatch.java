package dev.mailcert.cert;

import java.util.List;

/**
 * Whether a certificate covers a reference name (RFC 9525), the DNS names and IP addresses it does
 * cover, and the reason in plain words: the entry that matched, or for a mismatch the names covered
 * and the rule that rejected the closest one.
 */
public record NameMatch(boolean matches, List<String> coveredNames, String reason) {

    public NameMatch {
        coveredNames = List.copyOf(coveredNames);
    }
}
