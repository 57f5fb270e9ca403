package dev.mailcert;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The virtual threads of one piece of work under one deadline (a check, the discovery paths of a
 * check) and the one way to wait for them: never past the deadline (plus a little grace), never
 * with an exception. A future may be awaited from several threads; whichever gives up first
 * cancels it, and every other waiter then gets its fallback too.
 */
public final class DeadlineThreads implements AutoCloseable {
    private static final Duration GRACE = Duration.ofMillis(500);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Deadline deadline;
    private final Consumer<String> notes;

    /** {@code notes} receives one line for each step that failed by a bug rather than by the network. */
    public DeadlineThreads(Deadline deadline, Consumer<String> notes) {
        this.deadline = deadline;
        this.notes = notes;
    }

    public <T> Future<T> submit(Callable<T> task) {
        return threads.submit(task);
    }

    /**
     * The task's result, or {@code onTimeout} when the deadline (plus a little grace) passes first or it was
     * cancelled.
     */
    public <T> T await(Future<T> future, Supplier<T> onTimeout) {
        return await(future, onTimeout, bug -> {
            // a bug in a stage, not something the network did: keep the work going and say so
            notes.accept("internal error in one step: " + Printable.of(String.valueOf(bug)));
            return onTimeout.get();
        });
    }

    /** As {@link #await(Future, Supplier)}; a task that failed by a bug gives {@code onBug} of its exception. */
    public <T> T await(Future<T> future, Supplier<T> onTimeout, Function<Throwable, T> onBug) {
        try {
            return future.get(deadline.remaining().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return onTimeout.get();
        } catch (CancellationException e) {
            // another waiter gave up on this shared task at the deadline
            return onTimeout.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onTimeout.get();
        } catch (ExecutionException e) {
            return onBug.apply(e.getCause());
        }
    }

    /** Every result that arrived in time, in the order of {@code futures}; the others are left out. */
    public <K, T> Map<K, T> awaitAll(Map<K, Future<T>> futures) {
        Map<K, T> results = new LinkedHashMap<>();
        futures.forEach((key, future) -> results.put(key, await(future, () -> null)));
        results.values().removeIf(Objects::isNull);
        return results;
    }

    /** Interrupts whatever still runs: nothing of finished work keeps working. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
