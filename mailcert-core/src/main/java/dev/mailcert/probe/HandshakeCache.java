package dev.mailcert.probe;

import dev.mailcert.Deadline;
import dev.mailcert.ResultCache;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Prober} in front of another that makes each handshake (address, endpoint, SNI) once:
 * a probe asked for again, or while it runs, gets the first one's result. A check keeps one for
 * its whole run; a scan shares one across its checks, so that a shared server is asked once per
 * name and not once per domain. Timeouts are not kept (they may be the first caller's own
 * deadline). Thread-safe.
 */
public final class HandshakeCache implements Prober {
    private final Prober upstream;
    private final ResultCache<Key, ProbeResult> results;
    private final Duration keep;

    private record Key(InetAddress address, Endpoint endpoint, Optional<String> sni) {}

    /**
     * @param capacity at most this many results are kept, the least recently used forgotten first
     * @param keep how long a result is reused
     */
    public HandshakeCache(Prober upstream, int capacity, Duration keep) {
        this.upstream = upstream;
        this.results = new ResultCache<>(capacity);
        this.keep = keep;
    }

    @Override
    public ProbeResult probe(InetAddress address, Endpoint endpoint, @Nullable String sni, Deadline deadline) {
        Key key = new Key(address, endpoint, Optional.ofNullable(sni));
        return results.get(
                key,
                deadline,
                () -> upstream.probe(address, endpoint, sni, deadline),
                result -> result.outcome() == Outcome.TIMEOUT ? Duration.ZERO : keep,
                () -> new ProbeResult(
                        address,
                        endpoint,
                        sni,
                        Outcome.TIMEOUT,
                        Optional.empty(),
                        "no result before the deadline",
                        Duration.ZERO));
    }

    /** Handshakes (connections) actually made. */
    public long connectionsMade() {
        return results.computed();
    }

    /** Probes answered with an earlier result. */
    public long resultsReused() {
        return results.reused();
    }
}
