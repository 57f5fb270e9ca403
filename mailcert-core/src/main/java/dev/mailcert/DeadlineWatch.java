package dev.mailcert;

import java.io.Closeable;
import java.io.IOException;

/**
 * Closes a connection when its deadline passes, which ends any blocking read or handshake on it.
 * Socket timeouts bound each single read; this bounds their sum, so a server that drips one byte
 * just before every timeout still costs no more than the deadline. One virtual thread per watch,
 * sleeping until the deadline or until the watch is closed.
 *
 * <pre>{@code
 * try (DeadlineWatch watch = DeadlineWatch.start(socket, deadline)) {
 *     ... blocking reads ...
 * } // on IOException: watch.fired() tells a deadline from a failure
 * }</pre>
 */
public final class DeadlineWatch implements AutoCloseable {
    private final Thread thread;
    private volatile boolean done;
    private volatile boolean fired;

    private DeadlineWatch(Closeable connection, Deadline deadline) {
        this.thread = Thread.ofVirtual().name("deadline-watch").unstarted(() -> {
            try {
                Thread.sleep(deadline.remaining());
            } catch (InterruptedException e) {
                return;
            }
            if (!done) {
                fired = true;
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // closing is all that is wanted; a failure to close leaves the socket timeout to end the read
                }
            }
        });
    }

    public static DeadlineWatch start(Closeable connection, Deadline deadline) {
        DeadlineWatch watch = new DeadlineWatch(connection, deadline);
        watch.thread.start();
        return watch;
    }

    /** True when the deadline passed and the connection was closed because of it. */
    public boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
    }
}
