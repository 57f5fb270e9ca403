package dev.mailcert.discover;

import java.util.Locale;

/**
 * Where a mail client looks for its server settings. Listed in the order the clients try them:
 * Thunderbird's autoconfig, well-known URL, ISP database (also by the MX host's domain), then its
 * guesses; Outlook's Autodiscover, also found by SRV; and the RFC 6186/8314 SRV records that
 * Apple Mail and others use. MX is the input of Thunderbird's MX-based ISPDB lookup.
 */
public enum DiscoverySource {
    /** https://autoconfig.DOMAIN/mail/config-v1.1.xml?emailaddress=ADDRESS (Thunderbird). */
    AUTOCONFIG,
    /** https://DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml (Thunderbird's fallback). */
    WELL_KNOWN,
    /** https://autoconfig.thunderbird.net/v1.1/DOMAIN, Mozilla's ISP database (online only). */
    ISPDB,
    /** The ISP database asked for the registrable domain of the highest-priority MX host. */
    ISPDB_MX,
    /** POST https://autodiscover.DOMAIN/autodiscover/autodiscover.xml (Outlook, POX). */
    AUTODISCOVER,
    /** SRV _autodiscover._tcp.DOMAIN, then the Autodiscover POST to its target. */
    AUTODISCOVER_SRV,
    /**
     * SRV _imaps._tcp, _imap._tcp, _pop3s._tcp, _pop3._tcp, _submissions._tcp, _submission._tcp (RFC 6186, RFC 8314).
     */
    SRV,
    /** MX of the domain: the provider's mail exchangers (relay hosts, not where a client submits). */
    MX,
    /** Names Thunderbird tries when nothing else answers: imap., mail. and smtp. under the domain. */
    GUESS;

    /** The word used in reports and JSON: "autoconfig", "well-known", "ispdb-mx", ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
