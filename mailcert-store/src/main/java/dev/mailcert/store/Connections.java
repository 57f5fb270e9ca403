package dev.mailcert.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

/** A few connections to one database, lent one at a time to whoever needs one. Thread-safe. */
final class Connections implements AutoCloseable {

    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Opener opener;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    Connections(Opener opener, int max) {
        this.opener = opener;
        this.permits = new Semaphore(max, true);
    }

    /** Runs {@code work} on a connection in auto-commit mode; a connection that failed is closed, not reused. */
    <T> T with(Work<T> work) throws SQLException {
        Connection connection = borrow();
        boolean healthy = false;
        try {
            T result = work.run(connection);
            healthy = connection.getAutoCommit();
            return result;
        } finally {
            giveBack(connection, healthy);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        return with(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    Connection borrow() throws SQLException {
        permits.acquireUninterruptibly();
        Connection connection;
        synchronized (this) {
            if (closed) {
                permits.release();
                throw new SQLException("the database is closed");
            }
            connection = idle.pollFirst();
        }
        if (connection != null) {
            return connection;
        }
        try {
            return opener.open();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void giveBack(Connection connection, boolean healthy) {
        boolean keep;
        synchronized (this) {
            keep = healthy && !closed;
            if (keep) {
                idle.addFirst(connection);
            }
        }
        if (!keep) {
            closeQuietly(connection);
        }
        permits.release();
    }

    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the transaction is gone with the connection
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to release
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            idle.forEach(Connections::closeQuietly);
            idle.clear();
        }
    }
}
