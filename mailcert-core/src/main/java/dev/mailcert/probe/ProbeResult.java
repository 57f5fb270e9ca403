package dev.mailcert.probe;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One connection attempt: which address and endpoint, with which SNI, and what happened.
 * {@code handshake} is present exactly when {@code outcome} is {@link Outcome#HANDSHAKE};
 * {@code detail} says in a few words what was seen (e.g. "server answered STARTTLS with NO").
 */
public record ProbeResult(
        InetAddress address,
        Endpoint endpoint,
        @Nullable String sni,
        Outcome outcome,
        Optional<Handshake> handshake,
        String detail,
        Duration elapsed) {

    public ProbeResult {
        if (handshake.isPresent() != (outcome == Outcome.HANDSHAKE)) {
            throw new IllegalArgumentException("a handshake goes with outcome HANDSHAKE and only with it");
        }
    }
}
