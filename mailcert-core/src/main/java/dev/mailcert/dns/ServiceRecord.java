package dev.mailcert.dns;

/**
 * One SRV record (RFC 2782). A target of "." means the service is decidedly not offered
 * (RFC 6186 §4); {@link #offered()} says so.
 */
public record ServiceRecord(int priority, int weight, int port, String target) {

    public boolean offered() {
        return !target.isEmpty() && !target.equals(".");
    }
}
