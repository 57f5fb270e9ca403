package dev.mailcert.diagnose;

/** Where the server name a check judged came from. */
public enum ServerSource {
    /** Given by the caller: the name the person's client is configured with. */
    CONFIGURED,
    /** Named by the domain's own autoconfig or Autodiscover settings. */
    AUTOCONFIG,
    /** An SRV record of the domain (RFC 6186, RFC 8314). */
    SRV,
    /** A conventional guess (mail.DOMAIN, imap.DOMAIN), as Thunderbird tries them. */
    GUESS,
    /** The domain's first MX host, the last resort. */
    MX
}
