package dev.mailcert.scan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one run of a scan did: lines read, bad lines (the first few kept to show, all counted),
 * targets checked now, checks that failed without a result (left for the next run), and the
 * client configuration files written.
 */
public record ScanOutcome(
        long validLines,
        long badLines,
        List<InputLine.Bad> shownBadLines,
        long targets,
        long checkedNow,
        long failedChecks,
        Optional<String> firstFailure,
        ConfigFiles.Count configs,
        Duration elapsed) {

    public ScanOutcome {
        shownBadLines = List.copyOf(shownBadLines);
    }
}
