package dev.mailcert.web;

import java.time.Duration;
import java.util.Objects;

/**
 * How the web service runs: where it listens, how many checks a client may start a minute, how
 * many run at once, and how old a stored result the autoconfig endpoints may still serve.
 *
 * @param host the address to listen on, e.g. 127.0.0.1
 * @param port the port; 0 picks a free one
 * @param ratePerMinute checks one client may start a minute
 * @param maxChecks checks at once; as many more may wait, each {@link #QUEUE_WAIT} at most
 * @param maxAge the oldest stored result autoconfig and Autodiscover answers come from
 */
public record WebSettings(String host, int port, int ratePerMinute, int maxChecks, Duration maxAge) {
    /** How long a request may wait for a check to finish when all places are taken. */
    public static final Duration QUEUE_WAIT = Duration.ofSeconds(10);
    /** The largest request body (an Autodiscover POX request is a few hundred bytes). */
    public static final int MAX_BODY = 16 * 1024;
    /** The largest request line and headers. */
    public static final int MAX_HEADERS = 8 * 1024;
    /** A connection that sends nothing for this long is closed (slow clients). */
    public static final Duration IDLE = Duration.ofSeconds(20);

    public WebSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(maxAge, "maxAge");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535: " + port);
        }
        if (ratePerMinute < 1) {
            throw new IllegalArgumentException("the rate must allow at least one check a minute: " + ratePerMinute);
        }
        if (maxChecks < 1) {
            throw new IllegalArgumentException("at least one check must be allowed at a time: " + maxChecks);
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("the age of a stored result cannot be negative: " + maxAge);
        }
    }

    /** The defaults of {@code mailcert serve}. */
    public static WebSettings defaults() {
        return new WebSettings("127.0.0.1", 8080, 10, 8, Duration.ofHours(24));
    }
}
