package dev.mailcert.web.store;

import dev.mailcert.HostName;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.report.JsonReport;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Results kept in memory, keyed by domain and configured server: for a service started without
 * a database, and for tests. Bounded: the least recently saved are forgotten first.
 */
public final class MemoryResults implements StoredResults {
    private record Key(String domain, Optional<String> server) {}

    private final int capacity;
    private final Clock clock;
    private final Map<Key, StoredResult> results = new LinkedHashMap<>();

    public MemoryResults(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one result must fit: " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public void save(CheckResult anonymised) {
        var request = anonymised.diagnosis().request();
        String domain = request.target().domain().value();
        Optional<String> server = request.server().map(HostName::value);
        StoredResult stored = new StoredResult(
                domain,
                server,
                anonymised.verdict().id(),
                JsonReport.render(anonymised.diagnosis(), anonymised.advice()),
                clock.instant());
        synchronized (results) {
            Key key = new Key(domain, server);
            results.remove(key); // re-inserted last: the map is in saving order
            results.put(key, stored);
            var eldest = results.keySet().iterator();
            while (results.size() > capacity) {
                eldest.next();
                eldest.remove();
            }
        }
    }

    @Override
    public Optional<StoredResult> newest(HostName domain, Duration maxAge) {
        var oldest = clock.instant().minus(maxAge);
        synchronized (results) {
            return results.values().stream()
                    .filter(r ->
                            r.domain().equals(domain.value()) && !r.finished().isBefore(oldest))
                    .reduce((a, b) -> b.finished().isBefore(a.finished()) ? a : b);
        }
    }
}
