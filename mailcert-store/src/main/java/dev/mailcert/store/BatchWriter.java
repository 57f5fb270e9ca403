package dev.mailcert.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one writer of a scan: results handed to {@link #save} are inserted by a thread of its own
 * and committed in batches, each at most {@code maxDelay} after its first result arrived (or when
 * {@code maxBatch} are waiting). A process killed at any moment loses only the batch not yet
 * committed; a target that already has a result keeps it. When a write fails (locked, read-only,
 * full), the batch is rolled back, the writer stops, and {@link #save} and {@link #close} throw
 * the failure as one line. Thread-safe.
 */
public final class BatchWriter implements AutoCloseable {
    private static final int QUEUE = 1_024;

    private record Item(ScanTarget target, CheckRow row) {}

    private static final Item END = new Item(null, null);

    private final Database db;
    private final String scan;
    private final long maxDelayNanos;
    private final int maxBatch;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong committed = new AtomicLong();
    private final Thread thread;
    private volatile StoreException failure;
    private boolean closed;

    BatchWriter(Database db, String scan, Duration maxDelay, int maxBatch) {
        this.db = db;
        this.scan = scan;
        this.maxDelayNanos = maxDelay.toNanos();
        this.maxBatch = maxBatch;
        this.thread =
                Thread.ofPlatform().name("mailcert-scan-writer").daemon(true).start(this::run);
    }

    /**
     * Hands a result to the writer; waits while the writer is behind.
     *
     * @throws StoreException when the writer has failed: nothing more will be written
     */
    public void save(ScanTarget target, CheckRow row) {
        Item item = new Item(target, row);
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                throwIfFailed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while saving a result");
        }
        throwIfFailed();
    }

    /** Results committed so far. */
    public long committed() {
        return committed.get();
    }

    /** The failure that stopped the writer, if it stopped. */
    public java.util.Optional<StoreException> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    private void run() {
        Connection connection = null;
        try {
            connection = db.dedicated();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(ResultStore.INSERT_RESULT)) {
                while (writeBatch(connection, insert)) {
                    // next batch
                }
            }
        } catch (SQLException e) {
            if (connection != null) {
                Connections.rollbackQuietly(connection);
            }
            failure = db.failure("save results to", e);
            queue.clear();
        } catch (InterruptedException e) {
            failure = new StoreException("the writer was interrupted; results not yet committed are not saved");
        } finally {
            if (connection != null) {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException e) {
                    // the connection is given back broken and closed
                }
                db.connections().giveBack(connection, failure == null);
            }
        }
    }

    /** Waits for a first result, then gathers more until the delay passes; commits them. False after the end. */
    private boolean writeBatch(Connection connection, PreparedStatement insert)
            throws SQLException, InterruptedException {
        Item first = queue.take();
        if (first == END) {
            return false;
        }
        long deadline = System.nanoTime() + maxDelayNanos;
        List<Item> batch = new ArrayList<>();
        batch.add(first);
        boolean end = false;
        while (batch.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            Item next = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            if (next == END) {
                end = true;
                break;
            }
            batch.add(next);
        }
        for (Item item : batch) {
            ResultStore.bindResult(insert, scan, item.target(), item.row());
            insert.addBatch();
        }
        try {
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            Connections.rollbackQuietly(connection);
            throw e;
        }
        committed.addAndGet(batch.size());
        return !end;
    }

    /**
     * Commits what is left and stops the writer.
     *
     * @throws StoreException when a write failed
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                while (failure == null && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    // the writer is behind: wait for room
                }
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throwIfFailed();
    }
}
