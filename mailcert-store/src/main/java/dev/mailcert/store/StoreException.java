package dev.mailcert.store;

/**
 * The database cannot be used: a bad URL, a locked, read-only or full database, a missing
 * directory, a server that refuses the login. The message is one line for a person and never
 * contains a password.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message, null, false, false);
    }
}
