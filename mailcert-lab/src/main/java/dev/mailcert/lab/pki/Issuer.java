package dev.mailcert.lab.pki;

/** Who signs a leaf certificate. */
public enum Issuer {
    /** The usual case: the lab intermediate signs, the server sends the intermediate along. */
    INTERMEDIATE,
    /** The lab root signs the leaf directly. */
    ROOT,
    /** The leaf signs itself (no CA involved). */
    SELF
}
