package dev.mailcert.advise;

/** What a mail client that follows one discovered setting will see. */
public enum ClientWarning {
    /** The name gets a valid certificate: no warning. */
    NONE("no warning"),
    /** The name's certificate has problems: the client warns. */
    WARNS("warns"),
    /** The setting says to connect without TLS: passwords would travel in clear text. */
    PLAINTEXT("no encryption"),
    /** The name could not be checked (does not resolve, nothing answered). */
    NOT_CHECKED("not checked");

    private final String plain;

    ClientWarning(String plain) {
        this.plain = plain;
    }

    public String plain() {
        return plain;
    }

    /** The value of {@code warns} in JSON: true, false, or null when unknown. */
    public Boolean warns() {
        return switch (this) {
            case NONE -> false;
            case WARNS, PLAINTEXT -> true;
            case NOT_CHECKED -> null;
        };
    }
}
