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
     * The method to ask the new location with, or empty when the redirect is not followed.
     * <ul>
     * <li>303 (RFC 9110 §15.4.4): the target is retrieved with GET, so a POST becomes a GET without body.
     * <li>307 and 308 (RFC 9110 §15.4.8, §15.4.9): the method and the body stay as they were.
     * <li>301 and 302 after a POST (RFC 9110 §15.4.2, §15.4.3) are not followed: the RFC lets a user
     *     agent change the method to GET "for historical reasons", as browsers do, or keep it, so neither
     *     is surely what the server means, and an Autodiscover GET would not carry the request at all.
     *     The path fails and names the redirect instead. After a GET they are followed with GET.
     * </ul>
     */
    static Optional<String> methodAfter(int status, String method) {
        return switch (status) {
            case 303 -> Optional.of("GET");
            case 301, 302 -> method.equals("GET") ? Optional.of("GET") : Optional.empty();
            case 307, 308 -> Optional.of(method);
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
