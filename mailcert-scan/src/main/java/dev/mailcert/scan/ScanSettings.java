package dev.mailcert.scan;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a scan runs: its name, whether to drop its earlier results first, how many targets are
 * checked at once, whether each check also probes MX hosts, and where client configuration files
 * go (empty: nowhere). The engine carries the rest (DNS, trust, ports, per-target deadline,
 * connections per address).
 */
public record ScanSettings(String name, boolean fresh, int concurrency, boolean mx, Optional<Path> writeConfig) {
    public static final int MAX_CONCURRENCY = 4_096;
    public static final int MAX_NAME = 200;

    public ScanSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(writeConfig, "writeConfig");
        if (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a scan name is 1 to " + MAX_NAME + " printable characters");
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "between 1 and " + MAX_CONCURRENCY + " targets at once, not " + concurrency);
        }
    }
}
