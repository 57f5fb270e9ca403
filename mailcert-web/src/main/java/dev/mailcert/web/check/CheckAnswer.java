package dev.mailcert.web.check;

import dev.mailcert.engine.CheckResult;
import java.time.Duration;

/** How a request for a check ends; each kind has its HTTP status, the same for the page and the API. */
public sealed interface CheckAnswer {

    /** The check ran (or a recent one for the same domain and server was reused); {@code result} is anonymised. */
    record Done(CheckResult result) implements CheckAnswer {}

    /** The input is not an address, a domain or a server name. */
    record BadInput(String message) implements CheckAnswer {}

    /** The address policy refused the server: nothing was connected to. */
    record Refused(String message) implements CheckAnswer {}

    /** This client started too many checks in the last minute. */
    record Limited(Duration retryAfter) implements CheckAnswer {}

    /** Too many checks are running and waiting. */
    record Busy(Duration retryAfter) implements CheckAnswer {}

    default int status() {
        return switch (this) {
            case Done d -> 200;
            case BadInput b -> 400;
            case Refused r -> 403;
            case Limited l -> 429;
            case Busy b -> 503;
        };
    }

    /** Why there is no result, in a sentence for a person; empty for {@link Done}. */
    default String sentence() {
        return switch (this) {
            case Done d -> "";
            case BadInput b -> b.message();
            case Refused r -> r.message();
            case Limited l ->
                "You have started many checks in the last minute. Please wait " + seconds(l.retryAfter())
                        + " seconds and try again.";
            case Busy b ->
                "The service is checking as many servers as it can at once. Please try again in "
                        + seconds(b.retryAfter()) + " seconds.";
        };
    }

    /** Whole seconds, at least one: the value of a Retry-After header. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
