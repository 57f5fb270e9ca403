package dev.mailcert.store;

import java.util.Objects;
import java.util.Optional;

/**
 * One target of a scan as read from its input: the pair (TARGET, SERVER) normalised as
 * {@code key}, the line where it first appeared, and both fields as written.
 */
public record ScanTarget(String key, long line, String target, Optional<String> server) {

    public ScanTarget {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(server, "server");
    }
}
