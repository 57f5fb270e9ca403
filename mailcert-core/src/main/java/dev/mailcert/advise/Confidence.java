package dev.mailcert.advise;

import java.util.Locale;

/**
 * How sure mailcert is that a recommended name is the same mailbox service. {@code HIGH} needs a
 * trusted certificate for the name plus a record the mail domain controls (MX, NS, SRV, CNAME,
 * autoconfig) pointing into the same provider; a name known from reverse DNS or the certificate
 * alone is {@code MEDIUM}: the person should confirm it with their provider.
 */
public enum Confidence {
    HIGH,
    MEDIUM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
