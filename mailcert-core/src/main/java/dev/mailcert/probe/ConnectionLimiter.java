package dev.mailcert.probe;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Allows at most N connections at once to each server address, however many probes run in
 * parallel: mail servers limit connections per client address (Dovecot's
 * mail_max_userip_connections, Postfix's smtpd_client_connection_count_limit) and a check must
 * not trip those limits or look like an attack. A probe waiting for a slot waits no longer than
 * its deadline and then ends as {@link Outcome#TIMEOUT}.
 *
 * <pre>{@code
 * Prober prober = new ConnectionLimiter(2).wrap(new TlsProber(ProbeLimits.defaults()));
 * }</pre>
 */
public final class ConnectionLimiter {
    private final int perAddress;
    private final Map<InetAddress, Semaphore> slots = new ConcurrentHashMap<>();

    public ConnectionLimiter(int perAddress) {
        if (perAddress < 1) {
            throw new IllegalArgumentException("at least one connection per address is needed, got " + perAddress);
        }
        this.perAddress = perAddress;
    }

    /** A prober that waits for a free slot for the address, then probes with {@code prober}. */
    public Prober wrap(Prober prober) {
        return (address, endpoint, sni, deadline) -> {
            long started = System.nanoTime();
            Semaphore semaphore = slots.computeIfAbsent(address, a -> new Semaphore(perAddress, true));
            boolean acquired;
            try {
                acquired = semaphore.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return timeout(address, endpoint, sni, started, "interrupted while waiting for a free connection slot");
            }
            if (!acquired) {
                return timeout(
                        address,
                        endpoint,
                        sni,
                        started,
                        "deadline passed while waiting for a free connection slot (at most " + perAddress
                                + " per address)");
            }
            try {
                return prober.probe(address, endpoint, sni, deadline);
            } finally {
                semaphore.release();
            }
        };
    }

    private static ProbeResult timeout(
            InetAddress address, Endpoint endpoint, @Nullable String sni, long started, String detail) {
        return new ProbeResult(
                address,
                endpoint,
                sni,
                Outcome.TIMEOUT,
                Optional.empty(),
                detail,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
