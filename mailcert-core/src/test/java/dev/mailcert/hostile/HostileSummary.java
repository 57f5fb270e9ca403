package dev.mailcert.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table of every hostile whole check run in this JVM: its deadline, how long it took, what it
 * found and what it cost. Rewritten to {@value #FILE} after each check, so the file is complete
 * whichever tests ran; bench/hostile.md is copied from it.
 */
final class HostileSummary {
    static final String FILE = "target/hostile-summary.md";

    record Row(String name, Duration deadline, Duration took, String outcomes, String verdict, CheckCost cost) {}

    private static final Map<String, Row> ROWS = new TreeMap<>();

    private HostileSummary() {}

    static synchronized void record(Row row) {
        ROWS.put(row.name(), row);
        write();
    }

    private static void write() {
        StringBuilder out = new StringBuilder();
        out.append(
                "| case | deadline s | took s | took / deadline | outcomes | verdict | allocated MiB | peak heap MiB | retained MiB |\n");
        out.append("|---|---:|---:|---:|---|---|---:|---:|---:|\n");
        for (Row r : ROWS.values()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.2f | %.2f | %s | %s | %s | %s | %s |%n",
                    r.name(),
                    seconds(r.deadline()),
                    seconds(r.took()),
                    seconds(r.took()) / seconds(r.deadline()),
                    r.outcomes(),
                    r.verdict(),
                    CheckCost.mib(r.cost().allocatedBytes()),
                    CheckCost.mib(r.cost().peakHeapBytes()),
                    CheckCost.mib(r.cost().retainedBytes())));
        }
        List<Row> rows = List.copyOf(ROWS.values());
        Row slowest = rows.stream()
                .max(Comparator.comparingDouble(r -> seconds(r.took()) / seconds(r.deadline())))
                .orElseThrow();
        Row hungriest = rows.stream()
                .max(Comparator.comparingLong(r -> r.cost().allocatedBytes()))
                .orElseThrow();
        Row peak = rows.stream()
                .max(Comparator.comparingLong(r -> r.cost().peakHeapBytes()))
                .orElseThrow();
        out.append(String.format(
                Locale.ROOT,
                "%n%d cases. Longest against its deadline: %s, %.2f s of %.1f s. "
                        + "Most allocated: %s, %s MiB. Highest heap peak: %s, %s MiB.%n",
                rows.size(),
                slowest.name(),
                seconds(slowest.took()),
                seconds(slowest.deadline()),
                hungriest.name(),
                CheckCost.mib(hungriest.cost().allocatedBytes()),
                peak.name(),
                CheckCost.mib(peak.cost().peakHeapBytes())));
        try {
            Path file = Path.of(FILE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
