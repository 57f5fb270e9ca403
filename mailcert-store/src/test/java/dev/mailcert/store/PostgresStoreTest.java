package dev.mailcert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailcert.engine.CheckResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same store on a real PostgreSQL (Debian's, started by scripts/real-lab.sh pg-start, which
 * scripts/test runs; MAILCERT_REAL_PG_URL points at it). The tables are dropped first, so the
 * migrations run from scratch on PostgreSQL too.
 */
@Tag("real")
class PostgresStoreTest {
    private static String url;
    private static TestChecks checks;
    private static CheckResult fixable;

    @BeforeAll
    static void start() throws Exception {
        url = System.getenv("MAILCERT_REAL_PG_URL");
        assumeTrue(url != null, "no PostgreSQL (scripts/real-lab.sh pg-start; scripts/test does it)");
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS scan_result, scan_target, web_check, flyway_schema_history");
        }
        checks = new TestChecks();
        fixable = checks.check("alice@customer.example", "mail.customer.example");
    }

    @AfterAll
    static void stop() {
        if (checks != null) {
            checks.close();
        }
    }

    @Test
    void saveAndReadBack_oneResultPerTarget_inInputOrder() {
        try (Database db = Database.open(url)) {
            assertThat(db.describe()).doesNotContain("user=");
            ScanResults scan = db.results().scan("pg-order");
            scan.drop();
            scan.addTargets(List.of(
                    new ScanTarget("b.example", 1, "b.example", Optional.empty()),
                    new ScanTarget("a.example", 2, "a.example", Optional.of("mail.a.example"))));
            db.results().saveCheck("pg-order", "a.example", "mail.a.example", fixable);
            db.results().saveCheck("pg-order", "a.example", "mail.a.example", fixable);
            assertThat(scan.pending(null, 10)).extracting(ScanTarget::key).containsExactly("b.example");
            CheckRow row = CheckRow.of(fixable, Instant.now());
            try (BatchWriter writer = scan.writer(Duration.ofMillis(100), 10)) {
                writer.save(scan.pending(null, 10).getFirst(), row);
            }
            List<String> keys = new ArrayList<>();
            scan.forEach(r -> keys.add(r.target()));
            assertThat(keys).containsExactly("b.example", "alice@customer.example");
            assertThat(scan.groups())
                    .singleElement()
                    .satisfies(g -> assertThat(g.targets()).isEqualTo(2));
            assertThat(db.results().finishedTargets("pg-order")).containsExactlyInAnyOrder("a.example", "b.example");
        }
    }

    @Test
    void webCheck_newestWithoutTheLocalPart() {
        try (Database db = Database.open(url)) {
            db.results().saveWebCheck(fixable);
            db.results().saveWebCheck(fixable);
            StoredCheck newest = db.results()
                    .newest("customer.example", Optional.of("mail.customer.example"), Duration.ofHours(1))
                    .orElseThrow();
            assertThat(newest.json()).doesNotContain("alice");
            assertThat(newest.verdict()).isEqualTo("fixable");
        }
    }

    @Test
    void wrongPassword_oneLineWithoutIt() {
        String bad = "jdbc:postgresql://127.0.0.1:1/mailcert?user=nobody&password=s3cret";
        assertThatThrownBy(() -> Database.open(bad))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/mailcert")
                .message()
                .doesNotContain("s3cret")
                .doesNotContain("\n");
    }
}
