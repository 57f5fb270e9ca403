package dev.mailcert.diagnose;

import dev.mailcert.BadInputException;
import dev.mailcert.HostName;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What to check: the target, the server name the client is configured with (if known), the port
 * offset of a lab, the deadline for the whole check, the time certificates are judged at, and
 * whether to probe the domain's MX hosts on port 25 too ({@code mx}).
 */
public record CheckRequest(Target target, Optional<HostName> server, int portOffset, Duration timeout, Instant at,
                           boolean mx) {

    /** The largest offset that keeps every standard port (up to 995) within 65535. */
    public static final int MAX_PORT_OFFSET = 65535 - 995;

    public CheckRequest {
        if (portOffset < 0 || portOffset > MAX_PORT_OFFSET) {
            throw new BadInputException("--port-offset must be between 0 and " + MAX_PORT_OFFSET
                    + " (ports above 65535 do not exist): " + portOffset);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new BadInputException("--timeout must be between 1 and 600 seconds: " + timeout.toSeconds());
        }
    }

    /** A check of the client endpoints only (no MX relay probes). */
    public CheckRequest(Target target, Optional<HostName> server, int portOffset, Duration timeout, Instant at) {
        this(target, server, portOffset, timeout, at, false);
    }

    public static CheckRequest of(Target target, HostName server) {
        return new CheckRequest(target, Optional.ofNullable(server), 0, Duration.ofSeconds(20), Instant.now());
    }
}
