package dev.mailcert.diagnose;

import dev.mailcert.HostName;
import java.util.Objects;
import java.util.Optional;

/**
 * What to check: the target, the server name the client is configured with (empty: the name a
 * client would discover), and whether to probe the domain's MX hosts on port 25 too ({@code mx}).
 * How to check (DNS servers, trust, port offset, deadline) belongs to the engine that runs it.
 *
 * <pre>{@code
 * CheckRequest request = CheckRequest.of("alice@customer.example").withServer(HostName.parse("mail.customer.example"));
 * }</pre>
 */
public record CheckRequest(Target target, Optional<HostName> server, boolean mx) {

    public CheckRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(server, "server");
    }

    /** A check of {@code target} (an email address or a domain) as a client would discover its server. */
    public static CheckRequest of(String target) {
        return of(Target.parse(target));
    }

    public static CheckRequest of(Target target) {
        return new CheckRequest(target, Optional.empty(), false);
    }

    public static CheckRequest of(Target target, HostName server) {
        return new CheckRequest(target, Optional.of(server), false);
    }

    /** The same check of the name the client is configured with. */
    public CheckRequest withServer(HostName server) {
        return new CheckRequest(target, Optional.of(server), mx);
    }

    /** The same check, also probing the MX hosts on port 25 ({@code true}) or not. */
    public CheckRequest withMx(boolean probeMx) {
        return new CheckRequest(target, server, probeMx);
    }
}
