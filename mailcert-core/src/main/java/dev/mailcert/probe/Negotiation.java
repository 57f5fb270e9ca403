package dev.mailcert.probe;

/** How the plaintext part of a STARTTLS dialogue ended. */
sealed interface Negotiation {

    /** The server said to start TLS now; the go-ahead line was the last line read. */
    record GoAhead() implements Negotiation {}

    /**
     * TLS cannot be started on this connection (not advertised, refused, or PREAUTH); the probe
     * stops here and never continues in plaintext. {@code reason} is plain words, server text
     * already made printable.
     */
    record Unavailable(String reason) implements Negotiation {}
}
