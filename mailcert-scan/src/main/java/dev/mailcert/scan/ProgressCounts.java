package dev.mailcert.scan;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Counts behind a progress display: done out of total, per verdict, and the rate of this run. Thread-safe. */
final class ProgressCounts {
    private final Map<String, AtomicLong> verdicts = new ConcurrentHashMap<>();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong now = new AtomicLong();
    private volatile long total;
    private volatile long started = System.nanoTime();

    void start(long total, Map<String, Long> earlier) {
        this.total = total;
        earlier.forEach((verdict, count) -> {
            verdicts.computeIfAbsent(verdict, v -> new AtomicLong()).addAndGet(count);
            done.addAndGet(count);
        });
        started = System.nanoTime();
    }

    void finished(String verdict) {
        verdicts.computeIfAbsent(verdict, v -> new AtomicLong()).incrementAndGet();
        done.incrementAndGet();
        now.incrementAndGet();
    }

    long total() {
        return total;
    }

    long done() {
        return done.get();
    }

    /** Targets per second checked by this run. */
    double rate() {
        double seconds = (System.nanoTime() - started) / 1e9;
        return seconds <= 0 ? 0 : now.get() / seconds;
    }

    /** Time left at the current rate; empty until there is a rate. */
    java.util.Optional<Duration> eta() {
        double rate = rate();
        if (rate <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofSeconds((long) Math.ceil(Math.max(0, total - done()) / rate)));
    }

    /** "ok 3, fixable 12, ..." in the order of the verdicts, those seen only. */
    String verdictLine() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String v : new String[] {"ok", "fixable", "unfixable", "unreachable"}) {
            AtomicLong count = verdicts.get(v);
            if (count != null) {
                ordered.put(v, count.get());
            }
        }
        return ordered.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
