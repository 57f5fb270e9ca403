package dev.mailcert.discover;

import dev.mailcert.Deadline;
import java.net.URI;

/**
 * Fetches client configuration over HTTPS. Implementations never throw for what the network or
 * the server does: every failure is a {@link WebResponse}, and every call ends by the deadline.
 */
public interface WebClient {

    WebResponse get(URI uri, Deadline deadline);

    WebResponse post(URI uri, byte[] body, String contentType, Deadline deadline);
}
