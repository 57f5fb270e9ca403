package dev.mailcert;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Work done once and shared: the first caller for a key does the work on its own thread, callers
 * that arrive meanwhile wait for that result (each no longer than its own deadline), and later
 * callers reuse it for as long as the {@link Lifetime} allows. Bounded: at most {@code capacity}
 * keys, the least recently used forgotten first. Thread-safe.
 *
 * <pre>{@code
 * ResultCache<String, Lookup<List<String>>> cache = new ResultCache<>(10_000);
 * Lookup<List<String>> ns = cache.get("ns:example.com", deadline, () -> dns.ns("example.com", deadline),
 *         lookup -> Duration.ofMinutes(1), () -> new Lookup.Timeout<>("example.com"));
 * }</pre>
 */
public final class ResultCache<K, V> {

    /** How long a result may be reused; {@link Duration#ZERO} shares it only with those already waiting. */
    @FunctionalInterface
    public interface Lifetime<V> {
        Duration of(V value);
    }

    private static final long FOREVER = Long.MAX_VALUE;

    private final int capacity;
    private final LongSupplier nanoTime;
    private final Map<K, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();

    private static final class Entry<V> {
        final CompletableFuture<V> value = new CompletableFuture<>();
        volatile long expiresAt = FOREVER; // while the work runs, and after it for results kept forever

        boolean expired(long now) {
            return expiresAt != FOREVER && expiresAt - now <= 0;
        }
    }

    public ResultCache(int capacity) {
        this(capacity, System::nanoTime);
    }

    /** @param nanoTime the clock that lifetimes are measured on (tests pass their own) */
    public ResultCache(int capacity, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least one result, not " + capacity);
        }
        this.capacity = capacity;
        this.nanoTime = nanoTime;
    }

    /**
     * The result for {@code key}: reused, awaited, or made now by {@code work}. A waiter whose
     * deadline passes first gets {@code onTimeout}. A result with a zero lifetime that another
     * caller made is made again once by a waiter whose deadline has not passed: it may be the
     * other caller's own timeout.
     */
    public V get(K key, Deadline deadline, Supplier<V> work, Lifetime<V> lifetime, Supplier<V> onTimeout) {
        for (int attempt = 0; ; attempt++) {
            Entry<V> entry;
            boolean mine = false;
            synchronized (entries) {
                entry = entries.get(key);
                if (entry == null || entry.expired(nanoTime.getAsLong()) || entry.value.isCompletedExceptionally()) {
                    entry = new Entry<>();
                    entries.put(key, entry);
                    mine = true;
                    trim();
                }
            }
            if (mine) {
                return make(key, entry, work, lifetime);
            }
            V value = await(entry, deadline, onTimeout);
            if (attempt == 0 && lifetime.of(value).isZero() && !deadline.expired() && entry.value.isDone()) {
                continue;
            }
            reused.incrementAndGet();
            return value;
        }
    }

    private V make(K key, Entry<V> entry, Supplier<V> work, Lifetime<V> lifetime) {
        V value;
        try {
            value = work.get();
        } catch (RuntimeException | Error e) {
            forget(key, entry);
            entry.value.completeExceptionally(e);
            throw e;
        }
        computed.incrementAndGet();
        Duration keep = lifetime.of(value);
        if (keep.isZero() || keep.isNegative()) {
            forget(key, entry);
        } else if (keep.compareTo(Duration.ofDays(365)) < 0) {
            entry.expiresAt = nanoTime.getAsLong() + keep.toNanos();
        }
        entry.value.complete(value);
        return value;
    }

    private V await(Entry<V> entry, Deadline deadline, Supplier<V> onTimeout) {
        try {
            return entry.value.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return onTimeout.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onTimeout.get();
        } catch (ExecutionException e) {
            // the work failed by a bug on the caller that did it: fail here the same way
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void forget(K key, Entry<V> entry) {
        synchronized (entries) {
            entries.remove(key, entry);
        }
    }

    private void trim() {
        var eldest = entries.entrySet().iterator();
        while (entries.size() > capacity && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    /** How many results were made by doing the work. */
    public long computed() {
        return computed.get();
    }

    /** How many answers came from a result made by someone else. */
    public long reused() {
        return reused.get();
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
