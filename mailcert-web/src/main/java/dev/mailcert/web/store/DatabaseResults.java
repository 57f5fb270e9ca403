package dev.mailcert.web.store;

import dev.mailcert.HostName;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.store.ResultStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The web service's results in the database shared with {@code scan} (module mailcert-store):
 * a web check is saved keyed by domain and configured server, and the autoconfig endpoints read
 * the domain's newest result, from a scan or a web check.
 */
public final class DatabaseResults implements StoredResults {
    private final ResultStore results;

    public DatabaseResults(ResultStore results) {
        this.results = Objects.requireNonNull(results, "results");
    }

    @Override
    public void save(CheckResult anonymised) {
        results.saveWebCheck(anonymised);
    }

    @Override
    public Optional<StoredResult> newest(HostName domain, Duration maxAge) {
        return results.newest(domain.value(), maxAge)
                .map(c -> new StoredResult(c.domain(), c.server(), c.verdict(), c.json(), c.finished()));
    }
}
