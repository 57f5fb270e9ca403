package dev.mailcert.web.limit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Checks per client and minute, as a token bucket: each client may start {@code perMinute}
 * checks at once, and earns them back evenly over a minute. Bounded in memory: at most
 * {@code maxClients} buckets, the least recently used forgotten first (a forgotten client starts
 * full again). Thread-safe.
 */
public final class RateLimiter {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true);

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int perMinute, int maxClients, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("the rate must allow at least one check a minute: " + perMinute);
        }
        this.perMinute = perMinute;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    /** Empty when {@code client} may start a check now (counted); otherwise how long until it may. */
    public Optional<Duration> acquire(String client) {
        long now = nanoTime.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.get(client);
            if (bucket == null) {
                bucket = new Bucket(perMinute, now);
                buckets.put(client, bucket);
                trim();
            }
            bucket.tokens = Math.min(perMinute, bucket.tokens + (double) (now - bucket.updated) * perMinute / MINUTE);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) * MINUTE / perMinute);
            return Optional.of(Duration.ofNanos(wait));
        }
    }

    private void trim() {
        var eldest = buckets.entrySet().iterator();
        while (buckets.size() > maxClients && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }
}
