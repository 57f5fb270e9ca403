package dev.mailcert.cert;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the subject key identifier (RFC 5280 §4.2.1.2) and the keyIdentifier of the authority key
 * identifier (§4.2.1.1) with a tiny bounded DER reader, so that path building can skip issuers whose
 * key is plainly not the one that signed. Anything malformed reads as absent.
 */
final class KeyIdentifiers {

    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final int OCTET_STRING = 0x04;
    private static final int SEQUENCE = 0x30;
    private static final int KEY_IDENTIFIER_TAG = 0x80; // [0] IMPLICIT KeyIdentifier

    private KeyIdentifiers() {}

    static Optional<byte[]> subjectKeyId(X509Certificate cert) {
        // extnValue is an OCTET STRING wrapping the SubjectKeyIdentifier, itself an OCTET STRING
        return content(cert.getExtensionValue(SUBJECT_KEY_ID), OCTET_STRING)
                .flatMap(inner -> content(inner, OCTET_STRING));
    }

    static Optional<byte[]> authorityKeyId(X509Certificate cert) {
        return content(cert.getExtensionValue(AUTHORITY_KEY_ID), OCTET_STRING)
                .flatMap(inner -> content(inner, SEQUENCE))
                .flatMap(sequence -> content(sequence, KEY_IDENTIFIER_TAG));
    }

    /**
     * True unless both identifiers are present and differ (RFC 5280 §4.2.1.1: the AKI of a
     * certificate names the SKI of its issuer's key).
     */
    static boolean mayHaveIssued(X509Certificate issuer, X509Certificate child) {
        Optional<byte[]> aki = authorityKeyId(child);
        Optional<byte[]> ski = subjectKeyId(issuer);
        return aki.isEmpty() || ski.isEmpty() || Arrays.equals(aki.get(), ski.get());
    }

    /** The contents of the first element of {@code der} when its tag is {@code tag}. */
    private static Optional<byte[]> content(byte[] der, int tag) {
        if (der == null || der.length < 2 || (der[0] & 0xff) != tag) {
            return Optional.empty();
        }
        int first = der[1] & 0xff;
        int offset = 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 4 || der.length < 2 + count) {
                return Optional.empty();
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[offset++] & 0xff);
            }
        }
        if (length > der.length - offset) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(der, offset, offset + (int) length));
    }
}
