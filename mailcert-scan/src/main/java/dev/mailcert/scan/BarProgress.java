package dev.mailcert.scan;

import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress on a person's terminal: a live bar with done/total, rate, time left and the count per verdict. */
public final class BarProgress implements Progress {
    private final String name;
    private final ProgressCounts counts = new ProgressCounts();
    private ProgressBar bar;

    public BarProgress(String name) {
        this.name = name;
    }

    @Override
    public void start(long total, Map<String, Long> done) {
        counts.start(total, done);
        bar = new ProgressBarBuilder()
                .setTaskName("scan " + name)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setUnit(" targets", 1)
                .startsFrom(counts.done(), java.time.Duration.ZERO)
                .build();
        bar.setExtraMessage(counts.verdictLine());
    }

    @Override
    public void finished(String verdict) {
        counts.finished(verdict);
        ProgressBar shown = bar;
        if (shown != null) {
            shown.stepTo(counts.done());
            shown.setExtraMessage(counts.verdictLine());
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
