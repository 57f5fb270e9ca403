package dev.mailcert.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The facts about one certificate that reports show: names in RFC 2253 form, the DNS and IP
 * subject alternative names as presented, the validity period and the SHA-256 fingerprint of the DER.
 */
public record CertificateSummary(
        String subject,
        String issuer,
        List<String> dnsNames,
        List<String> ipAddresses,
        Instant notBefore,
        Instant notAfter,
        String sha256) {

    public CertificateSummary {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    public static CertificateSummary of(X509Certificate cert) {
        AltNames names = AltNames.of(cert);
        return new CertificateSummary(
                cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                names.dnsNames(),
                names.ipAddresses(),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                sha256(cert));
    }

    static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            // every JDK has SHA-256, and a parsed certificate always has its encoding
            throw new IllegalStateException(e);
        }
    }
}
