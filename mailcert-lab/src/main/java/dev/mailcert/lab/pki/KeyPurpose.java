package dev.mailcert.lab.pki;

/** The extended key usage written into a leaf (RFC 5280 §4.2.1.12). */
public enum KeyPurpose {
    /** id-kp-serverAuth: what a mail server certificate needs. */
    SERVER_AUTH,
    /** id-kp-clientAuth only: a certificate that clients must refuse for a server. */
    CLIENT_AUTH
}
