package dev.mailcert.web.store;

import dev.mailcert.HostName;
import dev.mailcert.engine.CheckResult;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the web service keeps check results and finds them again: the same database as the fleet
 * scan (keyed by domain and configured server, never by address). Implementations must be
 * thread-safe.
 */
public interface StoredResults {

    /**
     * Keeps the result of a check made for a web request. The caller passes an
     * anonymised ({@code CheckResult.forDomainOnly}) result: its target is the domain.
     */
    void save(CheckResult anonymised);

    /**
     * The newest result for {@code domain} (any configured server, from a scan or a web check) younger than {@code
     * maxAge}.
     */
    Optional<StoredResult> newest(HostName domain, Duration maxAge);
}
