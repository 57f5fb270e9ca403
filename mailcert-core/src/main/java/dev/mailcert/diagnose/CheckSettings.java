package dev.mailcert.diagnose;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a check was run, kept with its diagnosis: the port offset of a lab ({@code 0} on real
 * servers), the time certificates were judged at, and the time the whole check was allowed.
 */
public record CheckSettings(int portOffset, Instant at, Duration timeout) {

    /** The largest offset that keeps every standard port (up to 995) within 65535. */
    public static final int MAX_PORT_OFFSET = 65535 - 995;
    /** The longest a check may be allowed to take. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    public CheckSettings {
        Objects.requireNonNull(at, "at");
        if (portOffset < 0 || portOffset > MAX_PORT_OFFSET) {
            throw new IllegalArgumentException("the port offset must be between 0 and " + MAX_PORT_OFFSET
                    + " (ports above 65535 do not exist): " + portOffset);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the time allowed must be between 1 and " + MAX_TIMEOUT.toSeconds()
                    + " seconds: " + timeout.toSeconds());
        }
    }

    /** Real servers, judged now, 20 seconds. */
    public static CheckSettings defaults() {
        return new CheckSettings(0, Instant.now(), Duration.ofSeconds(20));
    }
}
