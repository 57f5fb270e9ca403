package dev.mailcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.engine.CheckResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against SQLite with real results of the lab's seed scenario. */
class ResultStoreTest {
    private static TestChecks checks;
    private static CheckResult fixable;

    @TempDir
    Path dir;

    @BeforeAll
    static void lab() throws Exception {
        checks = new TestChecks();
        fixable = checks.check("alice@customer.example", "mail.customer.example");
    }

    @AfterAll
    static void stop() {
        checks.close();
    }

    private Database open() {
        return Database.open(dir.resolve("results.db").toString());
    }

    @Test
    void saveCheck_keepsTheColumnsAndTheWholeJson() throws Exception {
        try (Database db = open()) {
            db.results()
                    .saveCheck(
                            "fleet", "alice@customer.example,mail.customer.example", "mail.customer.example", fixable);
            List<ScanResult> results = new ArrayList<>();
            db.results().forEachResult("fleet", results::add);
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.target()).isEqualTo("alice@customer.example");
                assertThat(r.server()).contains("mail.customer.example");
                assertThat(r.row().verdict()).isEqualTo("fixable");
                assertThat(r.row().imap()).contains(new CheckRow.Setting("srv12.webhost.example", 30993, "tls"));
                assertThat(r.row().recommendedHost()).contains("srv12.webhost.example");
                assertThat(r.row().addresses()).isEqualTo("127.0.10.7");
                assertThat(r.row().problemCodes()).containsExactly("hostname-mismatch");
                assertThat(r.row().certificateSha256())
                        .hasValueSatisfying(h -> assertThat(h).hasSize(64));
                assertThat(r.row().json()).doesNotContain("\n");
                assertThat(new ObjectMapper()
                                .readTree(r.row().json())
                                .get("schema")
                                .asText())
                        .isEqualTo("mailcert.check/1");
            });
        }
    }

    @Test
    void saveCheck_aTargetHasOneResultPerScan() {
        try (Database db = open()) {
            db.results().saveCheck("fleet", "customer.example", null, fixable);
            db.results().saveCheck("fleet", "customer.example", null, fixable);
            db.results().saveCheck("other", "customer.example", null, fixable);
            assertThat(db.results().finishedTargets("fleet")).containsExactly("customer.example");
            assertThat(db.results().scan("fleet").finished()).isEqualTo(1);
        }
    }

    @Test
    void resultsSurviveClosingAndReopening() {
        try (Database db = open()) {
            db.results().saveCheck("fleet", "customer.example", null, fixable);
        }
        try (Database db = open()) {
            assertThat(db.results().finishedTargets("fleet")).containsExactly("customer.example");
        }
    }

    @Test
    void saveWebCheck_neverStoresTheLocalPart() {
        try (Database db = open()) {
            db.results().saveWebCheck(fixable);
            StoredCheck stored =
                    db.results().newest("customer.example", Duration.ofHours(1)).orElseThrow();
            assertThat(stored.json()).doesNotContain("alice").contains("\"target\":\"customer.example\"");
            assertThat(stored.server()).contains("mail.customer.example");
            assertThat(stored.verdict()).isEqualTo("fixable");
        }
    }

    @Test
    void newest_choosesTheNewestOfScansAndWebChecksWithinTheAge() throws Exception {
        try (Database db = open()) {
            db.results().saveCheck("fleet", "customer.example,mail.customer.example", "mail.customer.example", fixable);
            Thread.sleep(5);
            db.results().saveWebCheck(fixable);
            StoredCheck newest = db.results()
                    .newest("Customer.Example.", Duration.ofHours(1))
                    .orElseThrow();
            assertThat(newest.json()).doesNotContain("alice"); // the web check is the newer one
            assertThat(db.results()
                            .newest("customer.example", Optional.of("mail.customer.example"), Duration.ofHours(1)))
                    .isPresent();
            assertThat(db.results().newest("customer.example", Optional.empty(), Duration.ofHours(1)))
                    .isEmpty();
            assertThat(db.results().newest("customer.example", Duration.ZERO.minusSeconds(1)))
                    .isEmpty();
            assertThat(db.results().newest("other.example", Duration.ofHours(1)))
                    .isEmpty();
        }
    }

    @Test
    void scanTargets_eachPairOnceInInputOrderAndPendingUntilItHasAResult() {
        try (Database db = open()) {
            ScanResults scan = db.results().scan("fleet");
            int added =
                    scan.addTargets(List.of(target("b.example", 1), target("a.example", 2), target("b.example", 3)));
            assertThat(added).isEqualTo(2);
            assertThat(scan.targets()).isEqualTo(2);
            assertThat(scan.pending(null, 10)).extracting(ScanTarget::key).containsExactly("b.example", "a.example");
            assertThat(scan.pending(scan.pending(null, 1).getFirst(), 10))
                    .extracting(ScanTarget::key)
                    .containsExactly("a.example");
            db.results().saveCheck("fleet", "b.example", null, fixable);
            assertThat(scan.pending(null, 10)).extracting(ScanTarget::key).containsExactly("a.example");
            scan.drop();
            assertThat(scan.targets()).isZero();
            assertThat(scan.finished()).isZero();
        }
    }

    @Test
    void batchWriter_commitsWithinTheDelayAndAllOnClose() throws Exception {
        try (Database db = open()) {
            ScanResults scan = db.results().scan("fleet");
            CheckRow row = CheckRow.of(fixable, java.time.Instant.now());
            try (BatchWriter writer = scan.writer(Duration.ofMillis(200), 100)) {
                writer.save(target("a.example", 1), row);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (writer.committed() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(scan.finished())
                        .as("committed within the delay, before close")
                        .isEqualTo(1);
                writer.save(target("b.example", 2), row);
                writer.save(target("a.example", 3), row); // already has a result: kept as it was
            }
            assertThat(scan.finished()).isEqualTo(2);
            List<Long> lines = new ArrayList<>();
            scan.forEach(r -> lines.add(r.line()));
            assertThat(lines).containsExactly(1L, 2L);
        }
    }

    @Test
    void groups_bySharedServerAndRecommendedName() {
        try (Database db = open()) {
            db.results().saveCheck("fleet", "customer.example", null, fixable);
            db.results().saveCheck("fleet", "alice@customer.example", null, fixable);
            ScanResults scan = db.results().scan("fleet");
            assertThat(scan.verdicts()).containsEntry("fixable", 2L).containsEntry("ok", 0L);
            assertThat(scan.groups()).singleElement().satisfies(g -> {
                assertThat(g.addresses()).isEqualTo("127.0.10.7");
                assertThat(g.recommendedHost()).contains("srv12.webhost.example");
                assertThat(g.targets()).isEqualTo(2);
                assertThat(g.problems()).containsExactly("hostname-mismatch");
                List<String> targets = new ArrayList<>();
                scan.forEachTargetOf(g, targets::add);
                assertThat(targets).hasSize(2);
            });
        }
    }

    private static ScanTarget target(String key, long line) {
        return new ScanTarget(key, line, key, Optional.empty());
    }
}
