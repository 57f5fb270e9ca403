package dev.mailcert.scan;

import dev.mailcert.Printable;
import dev.mailcert.store.ServerGroup;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The fleet summary as text for a terminal: counts, then one block per shared server. */
public final class SummaryText {
    static final int SHOWN_TARGETS = 8;

    private SummaryText() {}

    public static void write(FleetSummary s, ScanOutcome outcome, PrintWriter out) {
        out.println("Scan '" + Printable.of(s.scan()) + "': " + s.targets() + " targets, " + s.results()
                + " with a result (" + s.database() + ")");
        out.println("  "
                + s.verdicts().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining("   "))
                + (s.badLines() > 0 ? "   bad lines " + s.badLines() : ""));
        if (outcome.checkedNow() > 0) {
            double seconds = Math.max(outcome.elapsed().toMillis(), 1) / 1000.0;
            out.printf(
                    java.util.Locale.ROOT,
                    "  checked now: %d targets in %.1f s (%.1f/s)%n",
                    outcome.checkedNow(),
                    seconds,
                    outcome.checkedNow() / seconds);
        } else if (s.targets() > 0) {
            out.println("  nothing left to scan: every target already has a result (--fresh scans again)");
        }
        fixable(s, out);
        unfixable(s, out);
        unreachable(s, out);
        ok(s, out);
        badLines(s, out);
        if (outcome.failedChecks() > 0) {
            out.println();
            out.println(
                    outcome.failedChecks() + " targets could not be checked (internal error; they are checked again "
                            + "on the next run): " + outcome.firstFailure().orElse(""));
        }
        ConfigFiles.Count configs = outcome.configs();
        if (configs.domains() > 0 || configs.failures() > 0) {
            out.println();
            out.println(
                    "Client configuration files: " + configs.files() + " files for " + configs.domains() + " domains"
                            + (configs.notWritten() > 0
                                    ? " (" + configs.notWritten() + " Autodiscover or Apple files left out: "
                                            + "they name an account, so they need an address, not a bare domain)"
                                    : "")
                            + (configs.failures() > 0
                                    ? "; " + configs.failures() + " domains failed: "
                                            + configs.firstFailure().orElse("")
                                    : ""));
        }
        out.flush();
    }

    private static void fixable(FleetSummary s, PrintWriter out) {
        List<ServerGroup> groups = s.groups("fixable");
        if (groups.isEmpty()) {
            return;
        }
        out.println();
        out.println("Shared servers with a verified name: the domains below should use it");
        for (ServerGroup g : groups) {
            out.println("  " + server(g));
            out.println("    use " + g.recommendedHost().orElse("?")
                    + g.confidence().map(c -> " (confidence " + c + ")").orElse("") + " for " + g.targets()
                    + (g.targets() == 1 ? " target: " : " targets: ") + targets(s, g));
        }
    }

    private static void unfixable(FleetSummary s, PrintWriter out) {
        List<ServerGroup> groups = s.groups("unfixable");
        if (groups.isEmpty()) {
            return;
        }
        out.println();
        out.println("Servers only the provider can fix: no name on them gets a valid certificate");
        for (ServerGroup g : groups) {
            out.println("  " + server(g) + ": " + g.targets() + (g.targets() == 1 ? " target" : " targets"));
            if (!g.problems().isEmpty()) {
                out.println("    problems: " + String.join(", ", g.problems()));
            }
            for (String line : s.askProvider(g)) {
                out.println("    ask: " + Printable.of(line));
            }
            out.println("    " + targets(s, g));
        }
    }

    private static void unreachable(FleetSummary s, PrintWriter out) {
        List<ServerGroup> groups = s.groups("unreachable");
        if (groups.isEmpty()) {
            return;
        }
        out.println();
        out.println("Unreachable: no mail endpoint answered");
        for (ServerGroup g : groups) {
            String where = g.addresses().isEmpty() ? "name without an address" : g.addresses();
            out.println("  " + where + ": " + g.targets() + (g.targets() == 1 ? " target: " : " targets: ")
                    + targets(s, g));
        }
    }

    private static void ok(FleetSummary s, PrintWriter out) {
        List<ServerGroup> groups = s.groups("ok");
        if (groups.isEmpty()) {
            return;
        }
        out.println();
        out.println("Already right (ok)");
        for (ServerGroup g : groups) {
            out.println("  " + g.addresses() + ": " + g.targets() + (g.targets() == 1 ? " target" : " targets"));
        }
    }

    private static void badLines(FleetSummary s, PrintWriter out) {
        if (s.badLines() == 0) {
            return;
        }
        out.println();
        out.println("Bad lines in the input (" + s.badLines() + ", not scanned):");
        for (InputLine.Bad bad : s.shownBadLines()) {
            out.println("  " + InputLine.describe(bad));
        }
        if (s.badLines() > s.shownBadLines().size()) {
            out.println("  ... and " + (s.badLines() - s.shownBadLines().size()) + " more");
        }
    }

    static String server(ServerGroup g) {
        String certificate = g.certificateSubject()
                .map(subject -> " certificate " + Printable.of(subject)
                        + g.certificateSha256()
                                .map(h -> " (sha256 " + h.substring(0, Math.min(16, h.length())) + "...)")
                                .orElse(""))
                .orElse("");
        return (g.addresses().isEmpty() ? "(no address)" : g.addresses()) + certificate;
    }

    private static String targets(FleetSummary s, ServerGroup g) {
        List<String> first = s.firstTargets(g, SHOWN_TARGETS);
        String shown = first.stream().map(Printable::of).collect(Collectors.joining(", "));
        return g.targets() > first.size() ? shown + ", ... and " + (g.targets() - first.size()) + " more" : shown;
    }
}
