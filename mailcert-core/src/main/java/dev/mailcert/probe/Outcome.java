package dev.mailcert.probe;

/** What happened when an endpoint was probed (fixed names, see the JSON schema). */
public enum Outcome {
    /** The TLS handshake completed and the server's certificates were received. */
    HANDSHAKE("handshake"),
    /** The connection was refused or reset before anything was said. */
    REFUSED("refused"),
    /** A step did not finish before its deadline. */
    TIMEOUT("timeout"),
    /** STARTTLS was not offered, was answered with an error, or IMAP PREAUTH was sent. */
    STARTTLS_UNAVAILABLE("starttls-unavailable"),
    /** The TLS handshake itself failed (alert, garbage, reset mid-handshake). */
    TLS_FAILED("tls-failed"),
    /** The server broke the mail protocol before TLS (bad greeting, overlong lines). */
    PROTOCOL_ERROR("protocol-error");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
