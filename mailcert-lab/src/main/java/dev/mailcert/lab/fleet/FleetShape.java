package dev.mailcert.lab.fleet;

import dev.mailcert.lab.scenario.ExpectedVerdict;
import java.util.Optional;

/**
 * How one hosted domain of a lab fleet is set up, and what a correct check concludes for it.
 * Every shape but the two unreachable ones points {@code mail.DOMAIN} at a shared server.
 */
public enum FleetShape {
    /** Shared server with {@code *.webhost.example}; PTR srv1.webhost.example, which the wildcard covers. */
    WILDCARD(ExpectedVerdict.FIXABLE, "srv1.webhost.example"),
    /** Shared server whose certificate names exactly mail.hostingco.example; PTR is a generic ISP name. */
    SAN_ONLY(ExpectedVerdict.FIXABLE, "mail.hostingco.example"),
    /** Per-SNI server where the domain has its own valid certificate for mail.DOMAIN. */
    OWN_CERTIFICATE(ExpectedVerdict.OK, null),
    /** The same per-SNI server for a domain without its own certificate: the default one does not match. */
    SNI_DEFAULT(ExpectedVerdict.FIXABLE, "srv4.sniphost.example"),
    /** A server whose default certificate expired; with SNI = its own name it presents a fresh one. */
    EXPIRED_DEFAULT(ExpectedVerdict.FIXABLE, "srv6.oldhost.example"),
    /** A server with a self-signed certificate for everyone: only the provider can fix it. */
    SELF_SIGNED(ExpectedVerdict.UNFIXABLE, null),
    /** mail.DOMAIN does not exist (NXDOMAIN). */
    NO_RECORD(ExpectedVerdict.UNREACHABLE, null),
    /** mail.DOMAIN points at an address where nothing listens. */
    NO_SERVER(ExpectedVerdict.UNREACHABLE, null);

    private final ExpectedVerdict expect;
    private final String recommend;

    FleetShape(ExpectedVerdict expect, String recommend) {
        this.expect = expect;
        this.recommend = recommend;
    }

    public ExpectedVerdict expect() {
        return expect;
    }

    /** For a fixable shape, the verified name a check recommends. */
    public Optional<String> recommend() {
        return Optional.ofNullable(recommend);
    }
}
