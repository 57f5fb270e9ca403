package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mailcert scan of the real lab's hosted domains (Debian's dnsmasq, Dovecot and Postfix, started
 * by scripts/real-lab.sh; scripts/test does it), into SQLite and, when it runs, PostgreSQL.
 */
@Tag("real")
class RealServersScanTest {
    private static final String INPUT = """
            # the real lab's shapes
            alice@customer.test,mail.customer.test
            bob@own.test,mail.own.test
            carol@shop.test,mail.shop.test
            dave@cheap.test,mail.cheap.test
            erin@florist.test,mail.florist.test
            customer.test,mail.customer.test
            nothing.customer.test,mail.nothing.customer.test
            """;
    private static final Map<String, String> EXPECTED = Map.of(
            "alice@customer.test",
            "fixable|srv1.hosting.test",
            "bob@own.test",
            "ok|mail.own.test",
            "carol@shop.test",
            "fixable|mail.hostco.test",
            "dave@cheap.test",
            "unfixable|null",
            "erin@florist.test",
            "fixable|srv3.sni.test",
            "customer.test",
            "fixable|srv1.hosting.test",
            "nothing.customer.test",
            "unreachable|null");

    @TempDir
    Path dir;

    @Test
    void scan_realLabDomains_sqliteAndPostgresql() throws Exception {
        String dns = System.getenv("MAILCERT_REAL_DNS");
        assumeTrue(dns != null, "the real lab is not running (scripts/real-lab.sh start; scripts/test does)");
        Path input = dir.resolve("real.txt");
        Files.writeString(input, INPUT);
        Path sqlite = dir.resolve("real.db");
        Run run = scan(input, sqlite.toString(), dns);
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "ok 1   fixable 4   unfixable 1   unreachable 1",
                        "use srv1.hosting.test",
                        "use mail.hostco.test",
                        "use srv3.sni.test",
                        "Servers only the provider can fix",
                        "127.0.0.5");
        assertThat(results("jdbc:sqlite:" + sqlite)).isEqualTo(new TreeMap<>(EXPECTED));

        String pg = System.getenv("MAILCERT_REAL_PG_URL");
        if (pg != null) {
            Run intoPg = scan(input, pg, dns, "--fresh");
            assertThat(intoPg.code()).as(intoPg.err()).isEqualTo(1);
            assertThat(results(pg)).isEqualTo(new TreeMap<>(EXPECTED));
        }
    }

    private static Run scan(Path input, String db, String dns, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "scan",
                input.toString(),
                "--db",
                db,
                "--name",
                "real",
                "--dns",
                dns,
                "--trust",
                System.getenv("MAILCERT_REAL_TRUST"),
                "--port-offset",
                System.getenv().getOrDefault("MAILCERT_REAL_PORT_OFFSET", "10000"),
                "--offline",
                "--quiet"));
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    private static Map<String, String> results(String url) throws Exception {
        Map<String, String> results = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT target, verdict, recommended_host FROM scan_result WHERE scan = 'real'")) {
            while (rs.next()) {
                String host =
                        rs.getString(2).equals("ok") || rs.getString(2).equals("fixable") ? rs.getString(3) : null;
                results.put(rs.getString(1), rs.getString(2) + "|" + host);
            }
        }
        return results;
    }
}
