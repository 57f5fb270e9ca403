package dev.mailcert.clientconfig;

import dev.mailcert.probe.Security;
import java.util.Optional;

/** How a client configuration says to connect: the values of Thunderbird's {@code socketType}. */
public enum SocketType {
    /** Implicit TLS ("SSL" in autoconfig, "SSL/TLS" in clients). */
    SSL,
    STARTTLS,
    /** No TLS at all: never recommended, but reported when a configuration says so. */
    PLAIN;

    /** The probe security for this socket type; empty for plain text. */
    public Optional<Security> security() {
        return switch (this) {
            case SSL -> Optional.of(Security.TLS);
            case STARTTLS -> Optional.of(Security.STARTTLS);
            case PLAIN -> Optional.empty();
        };
    }

    public static SocketType of(Security security) {
        return security == Security.TLS ? SSL : STARTTLS;
    }
}
