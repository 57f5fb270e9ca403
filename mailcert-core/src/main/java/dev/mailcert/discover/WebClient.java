package dev.mailcert.discover;

import dev.mailcert.Deadline;
import java.net.URI;
import java.time.Instant;

/**
 * Fetches client configuration over HTTPS. Implementations never throw for what the network or
 * the server does: every failure is a {@link WebResponse}, and every call ends by the deadline.
 */
public interface WebClient {

    /** @param at the time the server's certificate is judged at (the check's evaluation time, not the clock) */
    WebResponse get(URI uri, Instant at, Deadline deadline);

    /** @param at the time the server's certificate is judged at (the check's evaluation time, not the clock) */
    WebResponse post(URI uri, byte[] body, String contentType, Instant at, Deadline deadline);
}
