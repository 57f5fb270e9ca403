package dev.mailcert;

import java.time.Duration;

/**
 * A point in time by which a piece of work must end. Every network step of a check takes its
 * timeouts from one shared deadline, so that a slow or hostile peer costs at most the time left.
 */
public record Deadline(long nanoTime) {

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    /**
     * The time left shared out evenly over {@code parts} steps. (Not {@code remaining().dividedBy}:
     * that goes through BigDecimal, whose first use costs a cold JVM about 10 ms of CPU.)
     */
    public Duration remainingShare(int parts) {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()) / Math.max(1, parts));
    }

    public boolean expired() {
        return nanoTime - System.nanoTime() <= 0;
    }

    /** Milliseconds left for a socket timeout: at least 1 (0 would mean "forever"), at most {@code cap}. */
    public int socketTimeoutMillis(Duration cap) {
        long left = remaining().toMillis();
        return (int) Math.max(1, Math.min(left, cap.toMillis()));
    }

    /** The earlier of this deadline and {@code duration} from now: a per-step limit inside the whole. */
    public Deadline min(Duration duration) {
        long step = System.nanoTime() + duration.toNanos();
        return step - nanoTime < 0 ? new Deadline(step) : this;
    }
}
