package dev.mailcert.web.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A check result as kept in the database: the domain (never an address), the server name the
 * check was asked about (empty: the one a client would discover), the verdict, the whole
 * {@code mailcert.check/1} JSON, and when it finished.
 */
public record StoredResult(String domain, Optional<String> server, String verdict, String json, Instant finished) {

    public StoredResult {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(finished, "finished");
    }
}
