package dev.mailcert.scan;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Progress for logs and pipes: one plain line every {@code interval} (10 s by default), and one at the end. */
public final class PlainProgress implements Progress {
    public static final Duration INTERVAL = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final String name;
    private final Duration interval;
    private final ProgressCounts counts = new ProgressCounts();
    private ScheduledExecutorService timer;

    public PlainProgress(PrintWriter out, String name) {
        this(out, name, INTERVAL);
    }

    PlainProgress(PrintWriter out, String name, Duration interval) {
        this.out = out;
        this.name = name;
        this.interval = interval;
    }

    @Override
    public void start(long total, Map<String, Long> done) {
        counts.start(total, done);
        timer = Executors.newSingleThreadScheduledExecutor(r ->
                Thread.ofPlatform().daemon(true).name("mailcert-scan-progress").unstarted(r));
        timer.scheduleAtFixedRate(this::print, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void finished(String verdict) {
        counts.finished(verdict);
    }

    String line() {
        long total = counts.total();
        long done = counts.done();
        String percent = total == 0 ? "" : String.format(Locale.ROOT, " (%d%%)", done * 100 / total);
        String eta = counts.eta()
                .map(d -> ", about " + ProgressCounts.duration(d) + " left")
                .orElse("");
        String verdicts = counts.verdictLine();
        return String.format(
                Locale.ROOT,
                "scan %s: %d/%d targets%s, %.1f/s%s%s",
                name,
                done,
                total,
                percent,
                counts.rate(),
                eta,
                verdicts.isEmpty() ? "" : "; " + verdicts);
    }

    private synchronized void print() {
        out.println(line());
        out.flush();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            print();
        }
    }
}
