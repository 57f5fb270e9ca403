package dev.mailcert.discover;

import dev.mailcert.Printable;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/** Which redirects discovery follows, and how (RFC 9110 §15.4): pure decisions, no sockets. */
final class Redirects {
    /** The redirects that carry a Location to follow; 300 and 305 are not followed by clients either. */
    static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    private static final int HTTPS_PORT = 443;

    private Redirects() {}

    /**
     * The method to ask the new location with.
     * <ul>
     * <li>303 (RFC 9110 §15.4.4): the target is retrieved with GET, so a POST becomes a GET without body.
     * <li>307 and 308 (RFC 9110 §15.4.8, §15.4.9): the method and the body stay as they were.
     * <li>301 and 302 (RFC 9110 §15.4.2, §15.4.3) keep the method: the RFC allows a user agent to keep a
     *     POST or to change it to GET "for historical reasons", as browsers do. Discovery posts only
     *     Autodiscover requests, and Outlook resends those to the new URL (MS-OXDSCLI §3.1.5.1; Exchange
     *     servers are told to redirect with 302), while a GET would not carry the request at all.
     * </ul>
     */
    static String methodAfter(int status, String method) {
        return switch (status) {
            case 303 -> "GET";
            case 301, 302, 307, 308 -> method;
            default -> throw new IllegalArgumentException("not a redirect that is followed: " + status);
        };
    }

    /**
     * Why a redirect leaves the origin (RFC 6454: scheme, host and port) of the URL first asked, or empty
     * when it stays. Discovery asks each host on the port a client would (443, a lab's 443 + offset, or an
     * SRV record's port): a file served by another scheme, host or port is not the one clients find there.
     */
    static Optional<String> offOrigin(URI asked, URI next) {
        String shown = Printable.of(next.toString());
        if (!"https".equalsIgnoreCase(next.getScheme())) {
            return Optional.of("redirects to a URL without https: " + shown);
        }
        if (next.getHost() == null || !next.getHost().equalsIgnoreCase(asked.getHost())) {
            return Optional.of("redirects to another host: " + shown
                    + " (a configuration from another host is not the domain's own)");
        }
        if (port(next) != port(asked)) {
            return Optional.of("redirects to another port: " + shown
                    + " (discovery asks each host only on the port a mail client asks)");
        }
        return Optional.empty();
    }

    /** The port an https URL names, 443 when it names none. */
    static int port(URI uri) {
        return uri.getPort() == -1 ? HTTPS_PORT : uri.getPort();
    }
}
