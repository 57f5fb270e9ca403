package dev.mailcert.cert;

/** What can be wrong with a server's certificate for a name (fixed codes, see docs/certificate-rules.md). */
public enum CertificateProblem {
    HOSTNAME_MISMATCH("hostname-mismatch", "the certificate does not cover this server name"),
    EXPIRED("expired", "the certificate has expired"),
    NOT_YET_VALID("not-yet-valid", "the certificate is not valid yet"),
    SELF_SIGNED("self-signed", "the certificate is self-signed: no authority vouches for it"),
    UNTRUSTED_ROOT("untrusted-root", "the certificate chain ends at an authority that is not trusted"),
    INCOMPLETE_CHAIN(
            "incomplete-chain",
            "the server does not send the intermediate certificate(s) needed to reach a trusted authority"),
    INVALID_CHAIN("invalid-chain", "the certificate chain breaks the rules (RFC 5280)"),
    WEAK_KEY("weak-key", "a key in the chain is too weak (RSA below 2048 bits, EC below 256 bits, or DSA)"),
    WEAK_SIGNATURE("weak-signature", "a certificate in the chain is signed with SHA-1 or MD5"),
    NO_SERVER_AUTH("no-server-auth", "the certificate is not allowed for TLS servers (extended key usage)");

    private final String code;
    private final String plain;

    CertificateProblem(String code, String plain) {
        this.code = code;
        this.plain = plain;
    }

    /** The fixed code used in JSON and by scripts. */
    public String code() {
        return code;
    }

    /** One line for a person. */
    public String plain() {
        return plain;
    }

    public static CertificateProblem ofCode(String code) {
        for (CertificateProblem p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown problem code: " + code);
    }
}
