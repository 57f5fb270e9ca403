package dev.mailcert.probe;

/** Where a probe was when it stopped; the same exception means different things in different stages. */
enum ProbeStage {
    /** Opening the TCP connection. */
    CONNECT,
    /** Plaintext greeting and STARTTLS commands. */
    DIALOGUE,
    /** The TLS handshake. */
    HANDSHAKE
}
