package dev.mailcert.lab.pki;

/** Signature algorithms a lab certificate may be signed with (JCA names). */
public enum SignatureAlgorithm {
    SHA256_WITH_RSA("SHA256withRSA"),
    /** Weak: clients reject SHA-1 signatures on server certificates. */
    SHA1_WITH_RSA("SHA1withRSA");

    private final String jcaName;

    SignatureAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    public String jcaName() {
        return jcaName;
    }

    /** Accepts the JCA name, case-insensitively ("SHA256withRSA"). */
    public static SignatureAlgorithm fromJcaName(String name) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.jcaName.equalsIgnoreCase(name)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException(
                "unknown signature algorithm '" + name + "' (expected SHA256withRSA or SHA1withRSA)");
    }
}
