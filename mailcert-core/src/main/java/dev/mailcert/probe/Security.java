package dev.mailcert.probe;

/** How TLS starts on an endpoint. */
public enum Security {
    /** Implicit TLS from the first byte (RFC 8314), shown by clients as "SSL/TLS". */
    TLS,
    /** A plaintext greeting, then the STARTTLS command (RFC 2595, RFC 3207). */
    STARTTLS;

    public String id() {
        return this == TLS ? "tls" : "starttls";
    }

    /** The name mail clients use in their connection security menu. */
    public String clientLabel() {
        return this == TLS ? "SSL/TLS" : "STARTTLS";
    }
}
