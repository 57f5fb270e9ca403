package dev.mailcert.store;

import dev.mailcert.engine.CheckResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Check results in the database: those of scans, one per target and scan, and those of web
 * checks, the newest per domain and configured server. Thread-safe.
 *
 * <pre>{@code
 * ResultStore results = db.results();
 * results.saveWebCheck(result);                                    // stored with the domain as target
 * results.newest("customer.example", Duration.ofHours(24));        // newest of any scan or web check
 * ScanResults fleet = results.scan("fleet");                        // one scan's targets and results
 * }</pre>
 */
public final class ResultStore {
    static final String RESULT_COLUMNS = "scan, target_key, line, target, domain, server, checked_server, verdict, "
            + "imap_host, imap_port, imap_security, pop3_host, pop3_port, pop3_security, smtp_host, "
            + "smtp_port, smtp_security, "
            + "recommended_host, confidence, addresses, certificate_sha256, certificate_subject, problems, elapsed_ms, "
            + "finished_ms, json";
    static final String INSERT_RESULT = "INSERT INTO scan_result (" + RESULT_COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (scan, target_key) DO NOTHING";

    private final Database db;

    ResultStore(Database db) {
        this.db = db;
    }

    /** One scan's targets and results, by the scan's name. */
    public ScanResults scan(String name) {
        return new ScanResults(db, name);
    }

    /**
     * Saves the result of one target of a scan and commits it. A target has at most one result per
     * scan: when it already has one, that one is kept.
     *
     * @param targetKey the normalised (TARGET, SERVER) pair that identifies the target in the scan
     * @param server the server name the check was configured with; null when it was discovered
     */
    public void saveCheck(String scan, String targetKey, String server, CheckResult result) {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(targetKey, "targetKey");
        CheckRow row = CheckRow.of(result, Instant.now());
        try {
            db.connections().with(c -> {
                long line = lineOf(c, scan, targetKey);
                try (PreparedStatement insert = c.prepareStatement(INSERT_RESULT)) {
                    bindResult(
                            insert,
                            scan,
                            new ScanTarget(
                                    targetKey,
                                    line,
                                    result.diagnosis().request().target().input(),
                                    Optional.ofNullable(server)),
                            row);
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw db.failure("save a result to", e);
        }
    }

    /** The keys of the targets of {@code scan} that have a result. */
    public Set<String> finishedTargets(String scan) {
        try {
            return db.connections().with(c -> {
                Set<String> keys = new HashSet<>();
                try (PreparedStatement q = c.prepareStatement("SELECT target_key FROM scan_result WHERE scan = ?")) {
                    q.setString(1, scan);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            keys.add(rs.getString(1));
                        }
                    }
                }
                return keys;
            });
        } catch (SQLException e) {
            throw db.failure("read from", e);
        }
    }

    /** Every result of {@code scan}, in input order, read as they are handed on (never all in memory). */
    public void forEachResult(String scan, Consumer<ScanResult> each) {
        scan(scan).forEach(each);
    }

    /** The newest result for {@code domain}, from any scan or web check, no older than {@code maxAge}. */
    public Optional<StoredCheck> newest(String domain, Duration maxAge) {
        return find(domain, null, maxAge);
    }

    /**
     * The newest result for {@code domain} checked with {@code server} configured (empty: checked
     * as a client would discover its server), from any scan or web check, no older than {@code maxAge}.
     */
    public Optional<StoredCheck> newest(String domain, Optional<String> server, Duration maxAge) {
        Objects.requireNonNull(server, "server");
        return find(domain, server.map(ResultStore::name).orElse(""), maxAge);
    }

    private Optional<StoredCheck> find(String domain, String server, Duration maxAge) {
        String scanFilter = server == null ? "" : server.isEmpty() ? " AND server IS NULL" : " AND server = ?";
        String webFilter = server == null ? "" : " AND server = ?";
        String sql = "SELECT domain, server, verdict, json, finished_ms FROM ("
                + "SELECT domain, server, verdict, json, finished_ms FROM scan_result WHERE domain = ? "
                + "AND finished_ms >= ?"
                + scanFilter
                + " UNION ALL SELECT domain, server, verdict, json, finished_ms FROM web_check WHERE domain = ?"
                + " AND finished_ms >= ?" + webFilter
                + ") AS found ORDER BY finished_ms DESC LIMIT 1";
        long since = Instant.now().minus(maxAge).toEpochMilli();
        try {
            return db.connections().with(c -> {
                try (PreparedStatement q = c.prepareStatement(sql)) {
                    int i = 1;
                    q.setString(i++, name(domain));
                    q.setLong(i++, since);
                    if (server != null && !server.isEmpty()) {
                        q.setString(i++, server);
                    }
                    q.setString(i++, name(domain));
                    q.setLong(i++, since);
                    if (server != null) {
                        q.setString(i++, server);
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<StoredCheck>empty();
                        }
                        String stored = rs.getString(2);
                        return Optional.of(new StoredCheck(
                                rs.getString(1),
                                stored == null || stored.isEmpty() ? Optional.empty() : Optional.of(stored),
                                rs.getString(3),
                                rs.getString(4),
                                Instant.ofEpochMilli(rs.getLong(5))));
                    }
                }
            });
        } catch (SQLException e) {
            throw db.failure("read from", e);
        }
    }

    /**
     * Saves a check made through the web service as the newest for its domain and configured
     * server, replacing the one before. The local part of the address is never stored: the stored
     * JSON has the domain as its target, and addresses in discovery URLs are cut to the domain.
     */
    public void saveWebCheck(CheckResult result) {
        CheckRow row = CheckRow.of(result.forDomainOnly(), Instant.now());
        String server =
                result.diagnosis().request().server().map(h -> h.value()).orElse("");
        String json = result.diagnosis().request().target().localPart().isPresent()
                ? scrub(row.json(), result.diagnosis().request().target().input(), row.domain())
                : row.json();
        String sql = "INSERT INTO web_check (domain, server, checked_server, verdict, recommended_host, confidence, "
                + "addresses, certificate_sha256, problems, elapsed_ms, finished_ms, json) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (domain, server) DO UPDATE SET "
                + "checked_server = excluded.checked_server, verdict = excluded.verdict, "
                + "recommended_host = excluded.recommended_host, confidence = excluded.confidence, "
                + "addresses = excluded.addresses, certificate_sha256 = excluded.certificate_sha256, "
                + "problems = excluded.problems, elapsed_ms = excluded.elapsed_ms, finished_ms = excluded.finished_ms, "
                + "json = excluded.json";
        try {
            db.connections().with(c -> {
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    insert.setString(1, row.domain());
                    insert.setString(2, server);
                    insert.setString(3, row.checkedServer());
                    insert.setString(4, row.verdict());
                    insert.setString(5, row.recommendedHost().orElse(null));
                    insert.setString(6, row.confidence().orElse(null));
                    insert.setString(7, row.addresses());
                    insert.setString(8, row.certificateSha256().orElse(null));
                    insert.setString(9, row.problems());
                    insert.setLong(10, row.elapsedMs());
                    insert.setLong(11, row.finished().toEpochMilli());
                    insert.setString(12, json);
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw db.failure("save a result to", e);
        }
    }

    /** Cuts {@code address} to {@code domain} wherever it still appears, as written or URL-encoded. */
    static String scrub(String json, String address, String domain) {
        String encoded = URLEncoder.encode(address, StandardCharsets.UTF_8);
        String encodedDomain = URLEncoder.encode(domain, StandardCharsets.UTF_8);
        return json.replace(address, domain)
                .replace(encoded, encodedDomain)
                .replace(encoded.toLowerCase(Locale.ROOT), encodedDomain);
    }

    static String name(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static long lineOf(Connection c, String scan, String targetKey) throws SQLException {
        try (PreparedStatement q =
                c.prepareStatement("SELECT line FROM scan_target WHERE scan = ? AND target_key = ?")) {
            q.setString(1, scan);
            q.setString(2, targetKey);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static void bindResult(PreparedStatement s, String scan, ScanTarget target, CheckRow row) throws SQLException {
        int i = 1;
        s.setString(i++, scan);
        s.setString(i++, target.key());
        s.setLong(i++, target.line());
        s.setString(i++, target.target());
        s.setString(i++, row.domain());
        s.setString(i++, target.server().orElse(null));
        s.setString(i++, row.checkedServer());
        s.setString(i++, row.verdict());
        for (Optional<CheckRow.Setting> setting : java.util.List.of(row.imap(), row.pop3(), row.smtp())) {
            s.setString(i++, setting.map(CheckRow.Setting::host).orElse(null));
            if (setting.isPresent()) {
                s.setInt(i++, setting.get().port());
            } else {
                s.setNull(i++, java.sql.Types.INTEGER);
            }
            s.setString(i++, setting.map(CheckRow.Setting::security).orElse(null));
        }
        s.setString(i++, row.recommendedHost().orElse(null));
        s.setString(i++, row.confidence().orElse(null));
        s.setString(i++, row.addresses());
        s.setString(i++, row.certificateSha256().orElse(null));
        s.setString(i++, row.certificateSubject().orElse(null));
        s.setString(i++, row.problems());
        s.setLong(i++, row.elapsedMs());
        s.setLong(i++, row.finished().toEpochMilli());
        s.setString(i, row.json());
    }

    /** Reads a row of {@code SELECT line, target, server, <the result columns from domain on>}. */
    static ScanResult readResult(ResultSet rs) throws SQLException {
        int i = 1;
        long line = rs.getLong(i++);
        String target = rs.getString(i++);
        Optional<String> server = Optional.ofNullable(rs.getString(i++));
        String domain = rs.getString(i++);
        String checked = rs.getString(i++);
        String verdict = rs.getString(i++);
        Optional<CheckRow.Setting> imap = setting(rs, i);
        Optional<CheckRow.Setting> pop3 = setting(rs, i + 3);
        Optional<CheckRow.Setting> smtp = setting(rs, i + 6);
        i += 9;
        CheckRow row = new CheckRow(
                domain,
                checked,
                verdict,
                imap,
                pop3,
                smtp,
                Optional.ofNullable(rs.getString(i++)),
                Optional.ofNullable(rs.getString(i++)),
                rs.getString(i++),
                Optional.ofNullable(rs.getString(i++)),
                Optional.ofNullable(rs.getString(i++)),
                rs.getString(i++),
                rs.getLong(i++),
                Instant.ofEpochMilli(rs.getLong(i++)),
                rs.getString(i));
        return new ScanResult(line, target, server, row);
    }

    static final String READ_COLUMNS = "line, target, server, domain, checked_server, verdict, imap_host, imap_port, "
            + "imap_security, pop3_host, pop3_port, pop3_security, smtp_host, smtp_port, smtp_security, "
            + "recommended_host, "
            + "confidence, addresses, certificate_sha256, certificate_subject, problems, elapsed_ms, finished_ms, json";

    private static Optional<CheckRow.Setting> setting(ResultSet rs, int column) throws SQLException {
        String host = rs.getString(column);
        if (host == null) {
            return Optional.empty();
        }
        return Optional.of(new CheckRow.Setting(host, rs.getInt(column + 1), rs.getString(column + 2)));
    }
}
