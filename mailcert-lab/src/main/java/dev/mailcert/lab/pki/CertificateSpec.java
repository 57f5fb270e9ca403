package dev.mailcert.lab.pki;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a lab leaf certificate looks like. Times are relative to the moment of issue, so a
 * scenario stays expired (or valid) whenever it runs.
 *
 * <pre>{@code
 * CertificateSpec.forNames("*.webhost.example", "webhost.example")           // valid, via intermediate
 * CertificateSpec.forNames("mail.old.example").expired()                     // ended 30 days ago
 * CertificateSpec.forNames("a.example").withKeyBits(1024).withoutIntermediate()
 * }</pre>
 *
 * @param names DNS names (wildcards allowed) and IP literals, written as subjectAltName entries
 * @param commonName subject CN; when empty the first name is used, as most CAs do
 * @param issuer who signs the leaf
 * @param notBefore start of validity relative to now (negative = in the past)
 * @param notAfter end of validity relative to now
 * @param keyBits RSA modulus size
 * @param signature algorithm the issuer signs with
 * @param purpose extended key usage of the leaf
 * @param sendIntermediate whether the server sends the intermediate after the leaf
 */
public record CertificateSpec(
        List<String> names,
        Optional<String> commonName,
        Issuer issuer,
        Duration notBefore,
        Duration notAfter,
        int keyBits,
        SignatureAlgorithm signature,
        KeyPurpose purpose,
        boolean sendIntermediate) {

    public static final Duration DEFAULT_NOT_BEFORE = Duration.ofDays(-1);
    public static final Duration DEFAULT_NOT_AFTER = Duration.ofDays(90);
    public static final int DEFAULT_KEY_BITS = 2048;

    public CertificateSpec {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
        for (String name : names) {
            if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("invalid certificate name '" + name + "'");
            }
        }
        if (!notBefore.minus(notAfter).isNegative()) {
            throw new IllegalArgumentException("notBefore must lie before notAfter");
        }
        // the JDK refuses RSA keys below 512 bits; above 4096 only slows the lab down
        if (keyBits < 512 || keyBits > 4096) {
            throw new IllegalArgumentException("key size " + keyBits + " is outside 512..4096 bits");
        }
    }

    /** A valid server certificate for the names, issued by the intermediate, sent with it. */
    public static CertificateSpec forNames(String... names) {
        return new CertificateSpec(
                List.of(names),
                Optional.empty(),
                Issuer.INTERMEDIATE,
                DEFAULT_NOT_BEFORE,
                DEFAULT_NOT_AFTER,
                DEFAULT_KEY_BITS,
                SignatureAlgorithm.SHA256_WITH_RSA,
                KeyPurpose.SERVER_AUTH,
                true);
    }

    /** The subject CN actually written. */
    public String effectiveCommonName() {
        return commonName.orElse(names.get(0));
    }

    public CertificateSpec withCommonName(String cn) {
        return new CertificateSpec(
                names, Optional.of(cn), issuer, notBefore, notAfter, keyBits, signature, purpose, sendIntermediate);
    }

    public CertificateSpec issuedBy(Issuer by) {
        return new CertificateSpec(
                names, commonName, by, notBefore, notAfter, keyBits, signature, purpose, sendIntermediate);
    }

    public CertificateSpec validBetween(Duration from, Duration until) {
        return new CertificateSpec(
                names, commonName, issuer, from, until, keyBits, signature, purpose, sendIntermediate);
    }

    /** Validity that ended 30 days ago. */
    public CertificateSpec expired() {
        return validBetween(Duration.ofDays(-120), Duration.ofDays(-30));
    }

    /** Validity that starts in 30 days. */
    public CertificateSpec notYetValid() {
        return validBetween(Duration.ofDays(30), Duration.ofDays(120));
    }

    public CertificateSpec withKeyBits(int bits) {
        return new CertificateSpec(
                names, commonName, issuer, notBefore, notAfter, bits, signature, purpose, sendIntermediate);
    }

    public CertificateSpec signedWith(SignatureAlgorithm algorithm) {
        return new CertificateSpec(
                names, commonName, issuer, notBefore, notAfter, keyBits, algorithm, purpose, sendIntermediate);
    }

    public CertificateSpec forPurpose(KeyPurpose eku) {
        return new CertificateSpec(
                names, commonName, issuer, notBefore, notAfter, keyBits, signature, eku, sendIntermediate);
    }

    /** The server sends only the leaf: an incomplete chain for clients. */
    public CertificateSpec withoutIntermediate() {
        return new CertificateSpec(names, commonName, issuer, notBefore, notAfter, keyBits, signature, purpose, false);
    }
}
