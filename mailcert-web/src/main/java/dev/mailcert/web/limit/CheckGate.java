package dev.mailcert.web.limit;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code maxChecks} checks at once, with a short bounded queue: at most {@code queue}
 * requests wait, each no longer than {@code maxWait}; the others are turned away at once
 * ({@link Busy}), so a flood costs the service a counter, not a thread per request.
 */
public final class CheckGate {
    private final Semaphore running;
    private final int queue;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();

    /** Thrown when a check can neither start nor wait: the service is busy. */
    public static final class Busy extends RuntimeException {
        public Busy(String message) {
            super(message, null, false, false);
        }
    }

    public CheckGate(int maxChecks, int queue, Duration maxWait) {
        if (maxChecks < 1) {
            throw new IllegalArgumentException("at least one check at a time: " + maxChecks);
        }
        this.running = new Semaphore(maxChecks, true);
        this.queue = Math.max(0, queue);
        this.maxWait = maxWait;
    }

    /** Runs {@code check} when a place is free; throws {@link Busy} when none frees up in time. */
    public <T> T run(Supplier<T> check) {
        if (!running.tryAcquire()) {
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                throw new Busy("too many checks are running and waiting");
            }
            try {
                if (!running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new Busy("too many checks are running; none finished within " + maxWait.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy("interrupted while waiting for a check to finish");
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return check.get();
        } finally {
            running.release();
        }
    }
}
