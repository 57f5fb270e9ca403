package dev.mailcert.cert;

import dev.mailcert.Printable;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** Single facts about a certificate, read defensively: a malformed field never throws from here. */
final class CertificateFacts {

    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int KEY_CERT_SIGN = 5;

    /** Signature algorithms built on MD2, MD5 or SHA-1 (RFC 3279, RFC 5758, RFC 8017 appendix C). */
    private static final Map<String, String> WEAK_SIGNATURES = Map.of(
            "1.2.840.113549.1.1.2", "MD2withRSA",
            "1.2.840.113549.1.1.4", "MD5withRSA",
            "1.2.840.113549.1.1.5", "SHA1withRSA",
            "1.3.14.3.2.29", "SHA1withRSA",
            "1.2.840.10045.4.1", "SHA1withECDSA",
            "1.2.840.10040.4.3", "SHA1withDSA");

    private static final Map<String, String> PURPOSES = Map.of(
            SERVER_AUTH,
            "serverAuth",
            "1.3.6.1.5.5.7.3.2",
            "clientAuth",
            "1.3.6.1.5.5.7.3.3",
            "codeSigning",
            "1.3.6.1.5.5.7.3.4",
            "emailProtection",
            "1.3.6.1.5.5.7.3.8",
            "timeStamping",
            "1.3.6.1.5.5.7.3.9",
            "OCSPSigning",
            ANY_EXTENDED_KEY_USAGE,
            "anyExtendedKeyUsage");

    private CertificateFacts() {}

    /** The subject for people: RFC 2253, quoted, made safe to print. */
    static String subject(X509Certificate cert) {
        return "'" + Printable.of(cert.getSubjectX500Principal().getName(X500Principal.RFC2253)) + "'";
    }

    static String issuer(X509Certificate cert) {
        return "'" + Printable.of(cert.getIssuerX500Principal().getName(X500Principal.RFC2253)) + "'";
    }

    static boolean selfIssued(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
    }

    /** Verified here rather than by PKIX, so SHA-1 and short keys are classified instead of refused. */
    static boolean signedBy(X509Certificate cert, PublicKey key) {
        try {
            cert.verify(key);
            return true;
        } catch (Exception e) { // any failure to verify, including providers' runtime errors, is "not signed by"
            return false;
        }
    }

    static boolean sameKey(X509Certificate a, X509Certificate b) {
        return Arrays.equals(a.getPublicKey().getEncoded(), b.getPublicKey().getEncoded());
    }

    /**
     * What makes the key too weak, if it is: RSA below 2048 bits, EC below 256 bits (P-192, P-224), or
     * DSA of any size. CA/Browser Forum Baseline Requirements §6.1.5 allow only RSA of 2048 bits and more
     * and ECDSA on P-256, P-384 and P-521; TLS 1.3 (RFC 8446 §4.2.3) has no DSA, and FIPS 186-5 no longer
     * approves DSA for signing.
     */
    static Optional<String> weakKey(X509Certificate cert) {
        return switch (cert.getPublicKey()) {
            case RSAPublicKey rsa
            when rsa.getModulus().bitLength() < MIN_RSA_BITS ->
                Optional.of("a " + rsa.getModulus().bitLength() + "-bit RSA key; at least " + MIN_RSA_BITS
                        + " bits are required");
            case ECPublicKey ec
            when ec.getParams().getOrder().bitLength() < MIN_EC_BITS ->
                Optional.of("a "
                        + ec.getParams().getOrder().bitLength() + "-bit EC key; at least " + MIN_EC_BITS
                        + " bits (P-256) are required");
            case DSAPublicKey dsa ->
                Optional.of("a DSA key, which TLS clients no longer accept at any size"
                        + " (only RSA and ECDSA keys are allowed for servers)");
            default -> Optional.empty();
        };
    }

    /** RFC 5280 §4.2.1.3: the key usage asserts keyCertSign. */
    static boolean assertsKeyCertSign(X509Certificate cert) {
        boolean[] usage = cert.getKeyUsage();
        return usage != null && usage.length > KEY_CERT_SIGN && usage[KEY_CERT_SIGN];
    }

    /** The name of a SHA-1 or MD5 based signature algorithm, if the certificate is signed with one. */
    static Optional<String> weakSignature(X509Certificate cert) {
        return Optional.ofNullable(WEAK_SIGNATURES.get(cert.getSigAlgOID()));
    }

    /** Empty when the extended key usage allows TLS servers (absent, serverAuth or anyExtendedKeyUsage). */
    static Optional<String> purposesWithoutServerAuth(X509Certificate cert) {
        List<String> purposes;
        try {
            purposes = cert.getExtendedKeyUsage();
        } catch (CertificateParsingException | RuntimeException e) {
            return Optional.of("unreadable");
        }
        if (purposes == null || purposes.contains(SERVER_AUTH) || purposes.contains(ANY_EXTENDED_KEY_USAGE)) {
            return Optional.empty();
        }
        return Optional.of(String.join(
                ", ",
                purposes.stream()
                        .limit(10)
                        .map(oid -> PURPOSES.getOrDefault(oid, Printable.of(oid)))
                        .toList()));
    }

    /** RFC 5280 §4.2.1.9: -1 when not a CA, else the pathLenConstraint (Integer.MAX_VALUE when none). */
    static int caPathLength(X509Certificate cert) {
        return cert.getBasicConstraints();
    }

    /** RFC 5280 §4.2.1.3: when key usage is present, a CA key must have keyCertSign. */
    static boolean mayIssueCertificates(X509Certificate cert) {
        boolean[] usage = cert.getKeyUsage();
        return usage == null || (usage.length > KEY_CERT_SIGN && usage[KEY_CERT_SIGN]);
    }

    static boolean expiredAt(X509Certificate cert, Instant at) {
        return at.isAfter(cert.getNotAfter().toInstant());
    }

    static boolean notYetValidAt(X509Certificate cert, Instant at) {
        return at.isBefore(cert.getNotBefore().toInstant());
    }
}
