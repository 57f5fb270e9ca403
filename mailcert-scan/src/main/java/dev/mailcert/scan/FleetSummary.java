package dev.mailcert.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.store.ScanResults;
import dev.mailcert.store.ServerGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fleet at a glance, read from the database: counts per verdict, then the targets grouped by
 * the shared server that serves them. Fixable groups name the verified name their domains should
 * use; unfixable groups say what only the provider can fix. Domain lists are not held: they are
 * read from the database when shown ({@link #forEachTarget}).
 */
public final class FleetSummary {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ASK_LINES = 3;

    private final ScanResults results;
    private final String database;
    private final Map<String, Long> verdicts;
    private final List<ServerGroup> groups;
    private final long targets;
    private final long badLines;
    private final List<InputLine.Bad> shownBadLines;

    private FleetSummary(ScanResults results, String database, ScanOutcome outcome) {
        this.results = results;
        this.database = database;
        this.verdicts = results.verdicts();
        this.groups = results.groups();
        this.targets = results.targets();
        this.badLines = outcome.badLines();
        this.shownBadLines = outcome.shownBadLines();
    }

    /** The summary of the scan as stored now, with this run's bad lines. */
    public static FleetSummary of(ScanResults results, String database, ScanOutcome outcome) {
        return new FleetSummary(results, database, outcome);
    }

    public String scan() {
        return results.name();
    }

    public String database() {
        return database;
    }

    /** Results per verdict: ok, fixable, unfixable, unreachable. */
    public Map<String, Long> verdicts() {
        return verdicts;
    }

    /** Targets of the scan, with or without a result. */
    public long targets() {
        return targets;
    }

    public long results() {
        return verdicts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long badLines() {
        return badLines;
    }

    public List<InputLine.Bad> shownBadLines() {
        return shownBadLines;
    }

    /** Groups of one verdict, largest first. */
    public List<ServerGroup> groups(String verdict) {
        return groups.stream().filter(g -> g.verdict().equals(verdict)).toList();
    }

    /** The targets of a group, in input order, read from the database. */
    public void forEachTarget(ServerGroup group, Consumer<String> each) {
        results.forEachTargetOf(group, each);
    }

    /** The first targets of a group, at most {@code limit}. */
    public List<String> firstTargets(ServerGroup group, int limit) {
        List<String> first = new ArrayList<>();
        results.forEachTargetOf(group, t -> {
            if (first.size() < limit) {
                first.add(t);
            }
        });
        return first;
    }

    /** What to ask the provider about a group's server, from one of its results. */
    public List<String> askProvider(ServerGroup group) {
        List<String> lines = new ArrayList<>();
        results.sampleJson(group).ifPresent(json -> {
            try {
                JsonNode ask = JSON.readTree(json).path("askProvider");
                for (JsonNode line : ask) {
                    if (lines.size() < ASK_LINES) {
                        lines.add(line.asText());
                    }
                }
            } catch (IOException e) {
                // a stored document is the engine's own JSON; one that does not parse simply says nothing here
            }
        });
        return lines;
    }

    /** True when every target has a result and every result is ok, and no line was bad. */
    public boolean allOk() {
        long ok = verdicts.getOrDefault("ok", 0L);
        return badLines == 0 && targets > 0 && ok == targets;
    }

    /** True when every target has a result and none could be reached. */
    public boolean nothingReached() {
        long unreachable = verdicts.getOrDefault("unreachable", 0L);
        return targets > 0 && unreachable == targets;
    }
}
