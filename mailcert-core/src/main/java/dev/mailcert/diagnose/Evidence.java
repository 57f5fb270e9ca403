package dev.mailcert.diagnose;

import java.util.Locale;

/** Why a name is believed to belong to the same mail server (fixed words, see docs/json.md). */
public enum Evidence {
    /** The server's address names it in reverse DNS. */
    PTR("the server's address calls itself this name (reverse DNS)"),
    /** The name resolves back to the same address (forward-confirmed reverse DNS). */
    FORWARD_CONFIRMED("the name points back to the same address"),
    /** The name is listed in the server's certificate. */
    SAN("the server's certificate lists this name"),
    /** The name is covered by a wildcard in the server's certificate. */
    SAN_WILDCARD("the server's certificate covers this name with a wildcard"),
    /** The mail domain's MX record points to the name. */
    MX("your domain's MX record names it"),
    /** An SRV record of the mail domain (RFC 6186/8314) points to the name. */
    SRV("your domain's SRV record names it"),
    /** The configured name is a CNAME (alias) for it. */
    CNAME("the name you configured is an alias for it"),
    /** The domain's autoconfig file names it. */
    AUTOCONFIG("your domain's autoconfig file names it"),
    /** It shares a registrable domain with the mail domain's MX or NS hosts. */
    SAME_PROVIDER("it belongs to the provider that runs your domain's mail or DNS");

    private final String plain;

    Evidence(String plain) {
        this.plain = plain;
    }

    /** The fixed word used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String plain() {
        return plain;
    }
}
