package dev.mailcert.store;

import java.util.Objects;
import java.util.Optional;

/** A stored result of a scan, with the input line of its target. */
public record ScanResult(long line, String target, Optional<String> server, CheckRow row) {

    public ScanResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(row, "row");
    }
}
