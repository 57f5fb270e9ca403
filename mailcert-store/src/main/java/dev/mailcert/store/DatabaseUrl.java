package dev.mailcert.store;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the results live, as given by a person: a plain path or {@code jdbc:sqlite:PATH} is an
 * SQLite file; {@code jdbc:postgresql://HOST[:PORT]/DB} is PostgreSQL. {@link #toString()} is
 * safe to print: it never shows the URL's parameters (they may carry a password).
 */
record DatabaseUrl(Kind kind, String jdbcUrl, Path file) {

    enum Kind {
        SQLITE,
        POSTGRESQL
    }

    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql://";
    /** A URL scheme ("http:", "postgres:"): not a file path. One letter is left to paths (C: never occurs here). */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    static final String FORMS = "give a file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB";

    static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new StoreException("no database given: " + FORMS);
        }
        String url = text.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith(POSTGRESQL)) {
            if (url.length() == POSTGRESQL.length()
                    || url.substring(POSTGRESQL.length()).startsWith("/")) {
                throw new StoreException("not a PostgreSQL URL (no host): " + safe(url) + "; " + FORMS);
            }
            return new DatabaseUrl(Kind.POSTGRESQL, url, null);
        }
        if (lower.startsWith(SQLITE)) {
            String rest = url.substring(SQLITE.length());
            int query = rest.indexOf('?');
            String path = query < 0 ? rest : rest.substring(0, query);
            if (path.startsWith("file:")) {
                path = path.substring("file:".length());
            }
            return sqlite(path, SQLITE + rest);
        }
        if (lower.startsWith("jdbc:")) {
            throw new StoreException("unsupported database URL " + safe(url) + ": " + FORMS);
        }
        if (SCHEME.matcher(url).matches()) {
            throw new StoreException("not a JDBC URL or a file path: " + safe(url) + "; " + FORMS);
        }
        return sqlite(url, SQLITE + url);
    }

    private static DatabaseUrl sqlite(String path, String jdbcUrl) {
        if (path.isEmpty() || path.equals(":memory:")) {
            throw new StoreException("an SQLite database needs a file path: " + FORMS);
        }
        Path file;
        try {
            file = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new StoreException("not a valid file path: " + path);
        }
        Path dir = file.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new StoreException("cannot open the database " + path + ": the directory " + dir + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new StoreException("cannot open the database " + path + ": it is a directory");
        }
        return new DatabaseUrl(Kind.SQLITE, jdbcUrl, file);
    }

    /** The URL without its parameters (user names and passwords may be among them). */
    static String safe(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int at = base.indexOf('@');
        int scheme = base.indexOf("://");
        if (at > 0 && scheme > 0 && at > scheme) {
            base = base.substring(0, scheme + 3) + base.substring(at + 1); // user:password@host
        }
        return base;
    }

    @Override
    public String toString() {
        return kind == Kind.SQLITE ? file.toString() : safe(jdbcUrl);
    }
}
