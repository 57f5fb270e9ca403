package dev.mailcert.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored result, as the web service reads it back to answer autoconfig and Autodiscover.
 *
 * @param domain the mail domain checked
 * @param server the server name the check was configured with; empty when it was discovered
 * @param verdict ok, fixable, unfixable or unreachable
 * @param json the whole {@code mailcert.check/1} document
 * @param finished when the check ended
 */
public record StoredCheck(String domain, Optional<String> server, String verdict, String json, Instant finished) {

    public StoredCheck {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(finished, "finished");
    }
}
