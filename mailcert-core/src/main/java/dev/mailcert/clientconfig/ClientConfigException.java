package dev.mailcert.clientconfig;

/**
 * A client configuration file that cannot be used: not XML, hostile (a DOCTYPE, entities, too big,
 * too deep), the wrong kind of document, or without a usable incoming and outgoing server; or a
 * configuration that cannot be written in the asked-for format. The message is one line that says
 * what was found.
 */
public final class ClientConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClientConfigException(String message) {
        super(message.replaceAll("\\s*[\\r\\n]+\\s*", " "), null, false, false);
    }
}
