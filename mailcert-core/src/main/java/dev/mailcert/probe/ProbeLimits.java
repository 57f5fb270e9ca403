package dev.mailcert.probe;

import java.time.Duration;

/**
 * The bounds one probe works within, so that a slow or hostile server costs little.
 *
 * @param connectTimeout    longest wait for the TCP connection
 * @param stepTimeout       longest wait for any single read (a greeting, a reply, a handshake message)
 * @param maxLineLength     longest plaintext line accepted, without its line ending
 * @param maxResponseLines  most plaintext lines accepted before TLS, over the whole dialogue
 * @param maxBytesBeforeTls most plaintext bytes accepted before TLS, over the whole dialogue
 */
public record ProbeLimits(
        Duration connectTimeout, Duration stepTimeout, int maxLineLength, int maxResponseLines, int maxBytesBeforeTls) {

    public ProbeLimits {
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || stepTimeout.isNegative()
                || stepTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxLineLength < 16 || maxResponseLines < 1 || maxBytesBeforeTls < maxLineLength) {
            throw new IllegalArgumentException("limits too small to read a mail greeting");
        }
    }

    /** 5 s to connect, 10 s per step, 4096-byte lines, 100 lines and 64 KiB before TLS. */
    public static ProbeLimits defaults() {
        return new ProbeLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 4096, 100, 64 * 1024);
    }
}
