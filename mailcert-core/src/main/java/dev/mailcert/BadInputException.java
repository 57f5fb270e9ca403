package dev.mailcert;

/**
 * Input a person gave that cannot be used: not an address, not a domain, a port out of range, an
 * unreadable file. The message is one line for that person; the command line prints it and exits 2.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message, null, false, false);
    }
}
