package dev.mailcert.store;

import java.sql.SQLException;

/**
 * Turns a driver's exception into one line for a person: what is wrong with the database and what
 * to do. SQLite is told apart by its result codes, PostgreSQL by SQLSTATE (Appendix A of its manual).
 */
final class StoreFailures {
    // SQLite primary result codes (sqlite.org/rescode.html)
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private StoreFailures() {}

    /** The first SQLException among {@code e} and its causes, if any. */
    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    static StoreException of(DatabaseUrl url, String doing, Throwable e) {
        SQLException sql = sqlCause(e);
        if (sql == null) {
            return new StoreException("cannot " + doing + " " + url + ": " + firstLine(e.getMessage()));
        }
        return new StoreException(
                url.kind() == DatabaseUrl.Kind.SQLITE ? sqlite(url, doing, sql) : postgresql(url, doing, sql));
    }

    private static String sqlite(DatabaseUrl url, String doing, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return switch (code) {
            case SQLITE_BUSY, SQLITE_LOCKED ->
                "the database " + url + " is locked by another program; "
                        + "nothing more was written (run the same command again when it is free)";
            case SQLITE_READONLY, SQLITE_PERM ->
                "the database " + url + " is read-only: cannot " + doing + " (give a writable file with --db)";
            case SQLITE_FULL ->
                "the database " + url + " is full (disk or size limit): cannot " + doing
                        + "; what was committed before is kept";
            case SQLITE_CANTOPEN -> "cannot open the database " + url + " (missing directory or no permission)";
            case SQLITE_NOTADB, SQLITE_CORRUPT -> url + " is not an SQLite database (or is damaged)";
            case SQLITE_IOERR -> "the database " + url + " cannot be written (I/O error): cannot " + doing;
            default -> "cannot " + doing + " " + url + ": " + firstLine(e.getMessage());
        };
    }

    private static String postgresql(DatabaseUrl url, String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = firstLine(e.getMessage());
        if (state.startsWith("28")) {
            return "PostgreSQL at " + url + " refused the login: " + detail + " (set the user and password as URL "
                    + "parameters or in PGUSER and PGPASSWORD)";
        }
        if (state.equals("3D000")) {
            return "PostgreSQL at " + url + ": " + detail;
        }
        if (state.startsWith("08") || state.equals("57P03")) {
            return "cannot connect to PostgreSQL at " + url + ": " + detail;
        }
        if (state.equals("25006") || state.equals("42501")) {
            return "the database " + url + " is read-only for this user: cannot " + doing + " (" + detail + ")";
        }
        if (state.equals("53100")) {
            return "the database " + url + " is full: cannot " + doing + "; what was committed before is kept";
        }
        if (state.equals("55P03") || state.equals("40P01")) {
            return "the database " + url + " is locked by another program: cannot " + doing;
        }
        return "cannot " + doing + " " + url + ": " + detail;
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().lines().findFirst().orElse("");
        // sqlite-jdbc prefixes "[SQLITE_BUSY] The database file is locked (database is locked)"
        return dev.mailcert.Printable.of(line.replaceAll("password=[^&\\s]*", "password=***"));
    }
}
