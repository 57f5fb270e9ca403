package dev.mailcert.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The results database of {@code scan} and {@code serve}: an SQLite file (the embedded default;
 * WAL, one writer at a time) or PostgreSQL, with the same schema made by the same versioned
 * migrations (Flyway, {@code classpath:db/migration}). Opening it checks that it can be written,
 * so that a locked, read-only or missing database is refused before any work is done.
 *
 * <pre>{@code
 * try (Database db = Database.open("mailcert.db")) {              // or jdbc:postgresql://host/db
 *     db.results().newest("customer.example", Duration.ofHours(24));
 * }
 * }</pre>
 *
 * Thread-safe; every failure is a {@link StoreException} with one line that never shows a password.
 */
public final class Database implements AutoCloseable {
    /** How long SQLite waits for another writer before the database counts as locked. */
    static final int BUSY_TIMEOUT_MILLIS = 3_000;

    private static final int POOL = 4;
    /** Flyway reports each step through java.util.logging; a person sees only our one line on failure. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.OFF);
    }

    private final DatabaseUrl url;
    private final Connections connections;
    private final ResultStore results;

    private Database(DatabaseUrl url, DataSource source) {
        this.url = url;
        this.connections = new Connections(source::getConnection, POOL);
        this.results = new ResultStore(this);
    }

    /**
     * Opens (creating and migrating when needed) the database at {@code urlOrPath}: a plain path or
     * {@code jdbc:sqlite:PATH} for SQLite, {@code jdbc:postgresql://HOST[:PORT]/DB} for PostgreSQL
     * (user and password from the URL's parameters, else PGUSER and PGPASSWORD).
     *
     * @throws StoreException with one line when the URL is bad or the database cannot be written
     */
    public static Database open(String urlOrPath) {
        DatabaseUrl url = DatabaseUrl.parse(urlOrPath);
        DataSource source = url.kind() == DatabaseUrl.Kind.SQLITE ? sqlite(url) : postgresql(url);
        Database db = new Database(url, source);
        try {
            db.migrate(source);
            db.checkWritable();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The check results: saved by scans and web checks, read back for exports, reports and answers. */
    public ResultStore results() {
        return results;
    }

    /** The database as it may be printed: the file, or the URL without its parameters. */
    public String describe() {
        return url.toString();
    }

    boolean postgresql() {
        return url.kind() == DatabaseUrl.Kind.POSTGRESQL;
    }

    Connections connections() {
        return connections;
    }

    StoreException failure(String doing, Throwable e) {
        return StoreFailures.of(url, doing, e);
    }

    private static DataSource sqlite(DatabaseUrl url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a commit survives a crash of the process (not of the machine) without an fsync per commit
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url.jdbcUrl());
        return source;
    }

    private static DataSource postgresql(DatabaseUrl url) {
        Properties parsed = org.postgresql.Driver.parseURL(url.jdbcUrl(), new Properties());
        if (parsed == null) {
            throw new StoreException("not a valid PostgreSQL URL: " + url + "; " + DatabaseUrl.FORMS);
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url.jdbcUrl());
        if (parsed.getProperty("user") == null && System.getenv("PGUSER") != null) {
            source.setUser(System.getenv("PGUSER"));
        }
        if (parsed.getProperty("password") == null && System.getenv("PGPASSWORD") != null) {
            source.setPassword(System.getenv("PGPASSWORD"));
        }
        source.setConnectTimeout(10);
        source.setSocketTimeout(60);
        source.setApplicationName("mailcert");
        return source;
    }

    private void migrate(DataSource source) {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(source)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw failure("prepare the tables of", e);
        }
    }

    /** A write that changes nothing: fails now, with a clear line, when the database is locked or read-only. */
    private void checkWritable() {
        try {
            connections.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM scan_target WHERE 1 = 0");
                }
            });
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** A connection of its own, outside the shared few (the batch writer keeps one for its whole run). */
    Connection dedicated() throws SQLException {
        return connections.borrow();
    }

    @Override
    public void close() {
        connections.close();
    }
}
