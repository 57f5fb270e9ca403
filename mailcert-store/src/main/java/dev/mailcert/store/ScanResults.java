package dev.mailcert.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One named scan in the database: its targets as read from the input (each pair once, with the
 * line where it first appeared), and at most one result per target. Everything is read in pages,
 * so that no list of all targets or results is ever held in memory. Thread-safe.
 */
public final class ScanResults {
    private static final int PAGE = 500;

    private final Database db;
    private final String name;

    ScanResults(Database db, String name) {
        this.db = db;
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** Forgets the scan: its targets and its results. */
    public void drop() {
        try {
            db.connections().inTransaction(c -> {
                for (String table : List.of("scan_result", "scan_target")) {
                    try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE scan = ?")) {
                        delete.setString(1, name);
                        delete.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw db.failure("drop the scan " + name + " from", e);
        }
    }

    /** Adds targets read from the input, in one transaction; a pair the scan already has is left as it is. */
    public int addTargets(List<ScanTarget> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return db.connections().inTransaction(c -> {
                try (PreparedStatement insert =
                        c.prepareStatement("INSERT INTO scan_target (scan, target_key, line, target, "
                                + "server) VALUES (?, ?, ?, ?, ?) ON CONFLICT (scan, target_key) DO NOTHING")) {
                    for (ScanTarget t : batch) {
                        insert.setString(1, name);
                        insert.setString(2, t.key());
                        insert.setLong(3, t.line());
                        insert.setString(4, t.target());
                        insert.setString(5, t.server().orElse(null));
                        insert.addBatch();
                    }
                    int added = 0;
                    for (int count : insert.executeBatch()) {
                        added += Math.max(count, 0);
                    }
                    return added;
                }
            });
        } catch (SQLException e) {
            throw db.failure("save the scan's targets to", e);
        }
    }

    /** How many targets the scan has. */
    public long targets() {
        return count("SELECT COUNT(*) FROM scan_target WHERE scan = ?");
    }

    /** How many targets of the scan have a result. */
    public long finished() {
        return count("SELECT COUNT(*) FROM scan_result WHERE scan = ?");
    }

    /**
     * Targets without a result, in input order, after {@code after} (null: from the start), at most
     * {@code limit}. A caller pages through them by passing the last one it got.
     */
    public List<ScanTarget> pending(ScanTarget after, int limit) {
        String sql = "SELECT target_key, line, target, server FROM scan_target t WHERE scan = ?"
                + (after == null ? "" : " AND (line > ? OR (line = ? AND target_key > ?))")
                + " AND NOT EXISTS (SELECT 1 FROM scan_result r WHERE r.scan = t.scan AND r.target_key = t.target_key)"
                + " ORDER BY line, target_key LIMIT ?";
        try {
            return db.connections().with(c -> {
                try (PreparedStatement q = c.prepareStatement(sql)) {
                    int i = 1;
                    q.setString(i++, name);
                    if (after != null) {
                        q.setLong(i++, after.line());
                        q.setLong(i++, after.line());
                        q.setString(i++, after.key());
                    }
                    q.setInt(i, limit);
                    List<ScanTarget> page = new ArrayList<>();
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            page.add(new ScanTarget(
                                    rs.getString(1),
                                    rs.getLong(2),
                                    rs.getString(3),
                                    Optional.ofNullable(rs.getString(4))));
                        }
                    }
                    return page;
                }
            });
        } catch (SQLException e) {
            throw db.failure("read the scan's targets from", e);
        }
    }

    /**
     * A writer that saves results on one thread of its own, in batches committed at most
     * {@code maxDelay} after the first result of the batch arrived.
     */
    public BatchWriter writer(Duration maxDelay, int maxBatch) {
        return new BatchWriter(db, name, maxDelay, maxBatch);
    }

    /** How many results have each verdict, in the order ok, fixable, unfixable, unreachable (others after). */
    public Map<String, Long> verdicts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String verdict : List.of("ok", "fixable", "unfixable", "unreachable")) {
            counts.put(verdict, 0L);
        }
        try {
            db.connections().with(c -> {
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT verdict, COUNT(*) FROM scan_result WHERE scan = ? GROUP BY verdict")) {
                    q.setString(1, name);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw db.failure("read from", e);
        }
        return counts;
    }

    private static final String HOST_KEY =
            "CASE WHEN verdict = 'fixable' THEN COALESCE(recommended_host, '') ELSE '' END";

    /**
     * The results grouped by verdict and server: the same addresses and, for fixable targets, the
     * same recommended name. Largest groups first.
     */
    public List<ServerGroup> groups() {
        String sql = "SELECT verdict, addresses, " + HOST_KEY + " AS host, MIN(confidence), MIN(certificate_subject), "
                + "MIN(certificate_sha256), COUNT(*) FROM scan_result WHERE scan = ? "
                + "GROUP BY verdict, addresses, " + HOST_KEY + " ORDER BY COUNT(*) DESC, verdict, addresses, host";
        try {
            return db.connections().with(c -> {
                List<ServerGroup> groups = new ArrayList<>();
                try (PreparedStatement q = c.prepareStatement(sql)) {
                    q.setString(1, name);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            String host = rs.getString(3);
                            groups.add(new ServerGroup(
                                    rs.getString(1),
                                    rs.getString(2),
                                    host.isEmpty() ? Optional.empty() : Optional.of(host),
                                    Optional.ofNullable(rs.getString(4)),
                                    Optional.ofNullable(rs.getString(5)),
                                    Optional.ofNullable(rs.getString(6)),
                                    List.of(),
                                    rs.getLong(7)));
                        }
                    }
                }
                List<ServerGroup> withProblems = new ArrayList<>();
                for (ServerGroup g : groups) {
                    withProblems.add(new ServerGroup(
                            g.verdict(),
                            g.addresses(),
                            g.recommendedHost(),
                            g.confidence(),
                            g.certificateSubject(),
                            g.certificateSha256(),
                            problems(c, g),
                            g.targets()));
                }
                return withProblems;
            });
        } catch (SQLException e) {
            throw db.failure("read from", e);
        }
    }

    private List<String> problems(java.sql.Connection c, ServerGroup g) throws SQLException {
        Set<dev.mailcert.cert.CertificateProblem> seen = EnumSet.noneOf(dev.mailcert.cert.CertificateProblem.class);
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT problems FROM scan_result WHERE scan = ? "
                + "AND verdict = ? AND addresses = ? AND " + HOST_KEY + " = ?")) {
            bindGroup(q, g);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    for (String code : rs.getString(1).split(",")) {
                        if (!code.isEmpty()) {
                            seen.add(dev.mailcert.cert.CertificateProblem.ofCode(code));
                        }
                    }
                }
            }
        }
        return seen.stream().map(dev.mailcert.cert.CertificateProblem::code).toList();
    }

    /** The targets of {@code group}, in input order, handed on page by page. */
    public void forEachTargetOf(ServerGroup group, Consumer<String> each) {
        forEachPage(
                "verdict = ? AND addresses = ? AND " + HOST_KEY + " = ?",
                q -> {
                    q.setString(2, group.verdict());
                    q.setString(3, group.addresses());
                    q.setString(4, group.hostKey());
                    return 5;
                },
                result -> each.accept(result.target()));
    }

    /** The JSON of one target of {@code group}, e.g. to say what the provider should fix. */
    public Optional<String> sampleJson(ServerGroup group) {
        try {
            return db.connections().with(c -> {
                try (PreparedStatement q =
                        c.prepareStatement("SELECT json FROM scan_result WHERE scan = ? AND verdict = ? "
                                + "AND addresses = ? AND " + HOST_KEY + " = ? ORDER BY line, target_key LIMIT 1")) {
                    bindGroup(q, group);
                    try (ResultSet rs = q.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw db.failure("read from", e);
        }
    }

    private void bindGroup(PreparedStatement q, ServerGroup g) throws SQLException {
        q.setString(1, name);
        q.setString(2, g.verdict());
        q.setString(3, g.addresses());
        q.setString(4, g.hostKey());
    }

    /** Every result of the scan in input order, handed on page by page. */
    public void forEach(Consumer<ScanResult> each) {
        forEachPage("1 = 1", q -> 2, each);
    }

    @FunctionalInterface
    private interface Binder {
        /** Binds the filter's parameters after the scan name; returns the next parameter index. */
        int bind(PreparedStatement q) throws SQLException;
    }

    private void forEachPage(String filter, Binder binder, Consumer<ScanResult> each) {
        long line = -1;
        String key = "";
        while (true) {
            String sql = "SELECT " + ResultStore.READ_COLUMNS + ", target_key FROM scan_result WHERE scan = ? AND "
                    + filter + " AND (line > ? OR (line = ? AND target_key > ?)) ORDER BY line, target_key LIMIT "
                    + PAGE;
            long fromLine = line;
            String fromKey = key;
            List<ScanResult> page = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            try {
                db.connections().with(c -> {
                    try (PreparedStatement q = c.prepareStatement(sql)) {
                        q.setString(1, name);
                        int i = binder.bind(q);
                        q.setLong(i++, fromLine);
                        q.setLong(i++, fromLine);
                        q.setString(i, fromKey);
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                page.add(ResultStore.readResult(rs));
                                keys.add(rs.getString(ResultStore.READ_COLUMNS.split(",").length + 1));
                            }
                        }
                    }
                    return null;
                });
            } catch (SQLException e) {
                throw db.failure("read from", e);
            }
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            line = page.getLast().line();
            key = keys.getLast();
        }
    }

    private long count(String sql) {
        try {
            return db.connections().with(c -> {
                try (PreparedStatement q = c.prepareStatement(sql)) {
                    q.setString(1, name);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw db.failure("read from", e);
        }
    }
}
