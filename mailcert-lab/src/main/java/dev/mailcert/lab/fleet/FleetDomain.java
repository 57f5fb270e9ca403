package dev.mailcert.lab.fleet;

import java.util.Objects;
import java.util.Optional;

/**
 * One hosted domain of a lab fleet as a line of {@code mailcert scan} input: the target (a domain
 * or an address) and, usually, the server name its clients are configured with.
 */
public record FleetDomain(String domain, String target, Optional<String> server, FleetShape shape) {

    public FleetDomain {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(shape, "shape");
    }

    /** The input line: {@code TARGET} or {@code TARGET,SERVER}. */
    public String line() {
        return server.map(s -> target + "," + s).orElse(target);
    }
}
