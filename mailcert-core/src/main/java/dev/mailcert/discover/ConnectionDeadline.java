package dev.mailcert.discover;

import dev.mailcert.Deadline;
import java.io.Closeable;
import java.io.IOException;

/**
 * Closes a connection when the deadline passes, which ends any blocking read or handshake on it:
 * socket timeouts bound each read, this bounds their sum, so a server dripping one byte at a time
 * costs no more than the deadline.
 */
final class ConnectionDeadline implements AutoCloseable {
    private final Thread thread;
    private volatile boolean done;
    private volatile boolean fired;

    private ConnectionDeadline(Closeable connection, Deadline deadline) {
        this.thread = Thread.ofVirtual().name("https-deadline").unstarted(() -> {
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
                    // closing is all that is wanted; the socket timeout still ends the read
                }
            }
        });
    }

    static ConnectionDeadline watch(Closeable connection, Deadline deadline) {
        ConnectionDeadline watch = new ConnectionDeadline(connection, deadline);
        watch.thread.start();
        return watch;
    }

    /** True when the deadline passed and the connection was closed because of it. */
    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
    }
}
