package dev.mailcert.scan;

import dev.mailcert.HostName;
import dev.mailcert.Printable;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.store.BatchWriter;
import dev.mailcert.store.CheckRow;
import dev.mailcert.store.ScanResults;
import dev.mailcert.store.ScanTarget;
import dev.mailcert.store.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fleet scan: every target of the input checked once by one engine, many at a time on virtual
 * threads, each result saved to the database by one writer in batches committed within about a
 * second. A target whose check ran out of time is checked once more after the others (its
 * server may simply have been busy with the scan's other checks). The input is first read into the database (each
 * pair once, bad lines counted), then the
 * targets without a result are read back page by page into a bounded queue, so memory stays flat
 * however long the input is, and a scan that was killed continues where it stopped.
 *
 * <pre>{@code
 * Mailcert engine = Mailcert.builder().shareAcrossChecks(8192, Duration.ofMinutes(30)).build();
 * ScanOutcome outcome = FleetScan.run(engine, db.results().scan("fleet"), reader, settings, Progress.NONE);
 * }</pre>
 */
public final class FleetScan {
    /** At most this many results wait between a commit and the next. */
    static final Duration COMMIT_DELAY = Duration.ofSeconds(1);

    static final int MAX_BATCH = 500;
    static final int SHOWN_BAD_LINES = 20;
    private static final int INPUT_BATCH = 1_000;
    private static final ScanTarget END = new ScanTarget("", -1, "", Optional.empty());

    private final Mailcert engine;
    private final ScanResults results;
    private final ScanSettings settings;
    private final Progress progress;
    private final Optional<ConfigFiles> configFiles;
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicReference<StoreException> storeFailure = new AtomicReference<>();

    private FleetScan(Mailcert engine, ScanResults results, ScanSettings settings, Progress progress) {
        this.engine = engine;
        this.results = results;
        this.settings = settings;
        this.progress = progress;
        this.configFiles = settings.writeConfig().map(ConfigFiles::new);
    }

    /**
     * Reads {@code input} into the scan and checks every target that has no result yet.
     *
     * @throws StoreException when the database cannot be written: what was committed is kept
     * @throws IOException when the input cannot be read
     */
    public static ScanOutcome run(
            Mailcert engine, ScanResults results, Reader input, ScanSettings settings, Progress progress)
            throws IOException {
        return new FleetScan(engine, results, settings, progress).run(input);
    }

    private ScanOutcome run(Reader input) throws IOException {
        long started = System.nanoTime();
        if (settings.fresh()) {
            results.drop();
        }
        InputCount read = readInput(input);
        long targets = results.targets();
        if (read.valid() > 0) {
            progress.start(targets, results.verdicts());
            try {
                scanPending(false);
                if (deferred.get() > 0) {
                    scanPending(true); // the targets that ran out of time, once more, now that the queue is short
                }
            } finally {
                progress.close();
            }
        }
        return new ScanOutcome(
                read.valid(),
                read.bad(),
                read.shown(),
                targets,
                checked.get(),
                failed.get(),
                Optional.ofNullable(firstFailure.get()),
                configFiles.map(ConfigFiles::count).orElse(ConfigFiles.Count.NONE),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private record InputCount(long valid, long bad, List<InputLine.Bad> shown) {}

    /** Streams the input into the database in batches; keeps the first bad lines to show and counts them all. */
    private InputCount readInput(Reader input) throws IOException {
        InputReader reader = new InputReader(input);
        List<ScanTarget> batch = new ArrayList<>();
        List<InputLine.Bad> shown = new ArrayList<>();
        long valid = 0;
        long bad = 0;
        for (Optional<InputReader.Line> next = reader.next(); next.isPresent(); next = reader.next()) {
            InputReader.Line line = next.get();
            InputLine parsed = line.tooLong()
                    ? new InputLine.Bad(line.number(), "longer than " + InputReader.MAX_LINE + " characters")
                    : InputLine.parse(line.number(), line.text());
            switch (parsed) {
                case InputLine.Skip skip -> {}
                case InputLine.Valid v -> {
                    valid++;
                    batch.add(v.target());
                    if (batch.size() >= INPUT_BATCH) {
                        results.addTargets(batch);
                        batch.clear();
                    }
                }
                case InputLine.Bad b -> {
                    bad++;
                    if (shown.size() < SHOWN_BAD_LINES) {
                        shown.add(b);
                    }
                }
            }
        }
        results.addTargets(batch);
        return new InputCount(valid, bad, shown);
    }

    /** One pass over the targets without a result; the last pass saves every result, timeouts or not. */
    private void scanPending(boolean last) {
        BlockingQueue<ScanTarget> queue = new ArrayBlockingQueue<>(settings.concurrency() * 2);
        try (BatchWriter writer = results.writer(COMMIT_DELAY, MAX_BATCH);
                ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < settings.concurrency(); i++) {
                workers.submit(() -> work(queue, writer, last));
            }
            feed(queue);
            for (int i = 0; i < settings.concurrency(); i++) {
                put(queue, END, true);
            }
            workers.shutdown();
            awaitQuietly(workers);
        } catch (StoreException e) {
            storeFailure.compareAndSet(null, e);
        }
        StoreException failure = storeFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    /** Pages through the targets without a result, in input order, into the bounded queue. */
    private void feed(BlockingQueue<ScanTarget> queue) {
        ScanTarget last = null;
        int page = Math.max(100, settings.concurrency() * 4);
        while (storeFailure.get() == null) {
            List<ScanTarget> pending = results.pending(last, page);
            for (ScanTarget target : pending) {
                if (!put(queue, target, false)) {
                    return;
                }
            }
            if (pending.size() < page) {
                return;
            }
            last = pending.getLast();
        }
    }

    /** Waits for room; gives up (false) when the writer has failed, unless {@code always}. */
    private boolean put(BlockingQueue<ScanTarget> queue, ScanTarget target, boolean always) {
        try {
            while (!queue.offer(target, 100, TimeUnit.MILLISECONDS)) {
                if (!always && storeFailure.get() != null) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void work(BlockingQueue<ScanTarget> queue, BatchWriter writer, boolean last) {
        while (true) {
            ScanTarget target;
            try {
                target = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (target == END) {
                return;
            }
            if (storeFailure.get() != null) {
                continue; // drain without checking: nothing more can be saved
            }
            check(target, writer, last);
        }
    }

    private void check(ScanTarget target, BatchWriter writer, boolean last) {
        CheckResult result;
        CheckRow row;
        try {
            result = engine.check(request(target));
            row = CheckRow.of(result, Instant.now());
        } catch (RuntimeException e) {
            // a bug, not a finding: nothing is stored, so the next run checks the target again
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, target.target() + ": " + Printable.of(String.valueOf(e)));
            return;
        }
        if (!last && TimedOut.anywhere(result.diagnosis())) {
            deferred.incrementAndGet(); // not saved: the next pass checks it again
            return;
        }
        configFiles.ifPresent(files -> files.write(result));
        try {
            writer.save(target, row);
        } catch (StoreException e) {
            storeFailure.compareAndSet(null, e);
            return;
        }
        checked.incrementAndGet();
        progress.finished(row.verdict());
    }

    private CheckRequest request(ScanTarget target) {
        CheckRequest request = CheckRequest.of(Target.parse(target.target())).withMx(settings.mx());
        return target.server().map(s -> request.withServer(HostName.parse(s))).orElse(request);
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                // checks end by their own deadlines
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
