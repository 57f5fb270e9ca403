package dev.mailcert.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code --timeout S} counted from the start of the process, so that it bounds everything a person
 * waits for: the launcher, the JVM start, the check, the report and the exit (README, Commands:
 * the report is out within S seconds plus at most 0.5 s, on a loaded machine too).
 *
 * <p>Only a command that is the whole process counts this way ({@link Main#main} calls
 * {@link #startCounting}); embedded in another program or a test, a check gets its whole timeout.
 * Thread-safe.
 */
final class ProcessDeadline {
    /**
     * At least this much is kept back from the check for what follows it: the advice, the report
     * and the exit, and the check's own steps running a little past its deadline while they hand
     * over their results.
     */
    static final Duration AFTER_THE_CHECK = Duration.ofMillis(300);

    /**
     * At most this much is kept back: what comes before a check may be real work rather than a
     * slow start (the demo starts a whole lab first, 2 to 15 s on a loaded machine).
     */
    static final Duration AFTER_THE_CHECK_MAX = Duration.ofSeconds(1);

    /** The least a check is given, even when the JVM start has used up the whole timeout: it still reports. */
    static final Duration AT_LEAST = Duration.ofMillis(1);

    /** The kernel's clock tick for /proc times (USER_HZ): 100 on every mainstream Linux architecture. */
    private static final int USER_HZ = 100;

    /** System.nanoTime() at process start; null until {@link #startCounting()}. */
    private static volatile Long startNanos;

    private ProcessDeadline() {}

    /** From now on, checks count their timeout from the process start. */
    static void startCounting() {
        startNanos = System.nanoTime() - sinceProcessStart().toNanos();
    }

    /** The check's share of {@code timeout}: all of it when embedded, else what the process has left. */
    static Duration forCheck(Duration timeout) {
        Long start = startNanos;
        return start == null ? timeout : budget(timeout, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * What is left of {@code timeout} after {@code elapsed}, less what the rest of the command will
     * need; at least {@link #AT_LEAST}.
     *
     * <p>What follows the check runs cold code on the same machine at the same load as what came
     * before it (JVM start, parsing the command line, building the engine), so the time before
     * predicts the time after: on a loaded 2-core machine the check's overrun, the report and the
     * exit took up to 0.6 of the time before the check (bench/README.md). Half of it is kept back,
     * between {@link #AFTER_THE_CHECK} and {@link #AFTER_THE_CHECK_MAX}; the contract's half second
     * absorbs the rest.
     */
    static Duration budget(Duration timeout, Duration elapsed) {
        // not dividedBy: see Deadline.remainingShare
        Duration half = Duration.ofNanos(elapsed.toNanos() / 2);
        Duration kept = half.compareTo(AFTER_THE_CHECK) < 0
                ? AFTER_THE_CHECK
                : half.compareTo(AFTER_THE_CHECK_MAX) > 0 ? AFTER_THE_CHECK_MAX : half;
        Duration left = timeout.minus(elapsed).minus(kept);
        return left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left;
    }

    /**
     * Time since the process started. On Linux from /proc (10 ms resolution, and the launcher script
     * that exec'd the JVM counts too, as it is the same process); elsewhere from the JVM's own start,
     * which misses only the moments before the JVM was loaded.
     */
    static Duration sinceProcessStart() {
        return fromProc()
                .orElseGet(() ->
                        Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
    }

    private static Optional<Duration> fromProc() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String uptime = Files.readString(Path.of("/proc/uptime"));
            return elapsed(stat, uptime);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Time since the process started, from the text of /proc/self/stat (field 22, start time in
     * clock ticks after boot; proc(5)) and /proc/uptime (seconds after boot). Empty when either
     * does not parse.
     */
    static Optional<Duration> elapsed(String stat, String uptime) {
        // the command name (field 2) is in parentheses and may itself hold spaces and parentheses
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        String[] up = uptime.trim().split("\\s+");
        if (fields.length < 20 || up.length < 1) {
            return Optional.empty();
        }
        try {
            long startTicks = Long.parseLong(fields[19]); // fields[0] is field 3 (state), so field 22 is fields[19]
            long nowMillis = Math.round(Double.parseDouble(up[0]) * 1000);
            long sinceStart = nowMillis - startTicks * 1000 / USER_HZ;
            return sinceStart < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(sinceStart));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
