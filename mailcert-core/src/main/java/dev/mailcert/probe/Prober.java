package dev.mailcert.probe;

import dev.mailcert.Deadline;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * Connects to one endpoint on one address, starts TLS with the given SNI, records the result and
 * hangs up without sending credentials. Never throws for anything the peer does: every failure
 * is an {@link Outcome}. {@code sni} may be null to send no server name.
 */
@FunctionalInterface
public interface Prober {
    ProbeResult probe(InetAddress address, Endpoint endpoint, @Nullable String sni, Deadline deadline);
}
