package dev.mailcert.web.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.HostName;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.engine.LabEngine;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's results in the database shared with scan: saved by domain, read back for autoconfig. */
class DatabaseResultsTest {

    @Test
    void aWebCheckIsStoredByDomainWithoutTheAddressAndReadBackAsTheNewest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mailcert.db");
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"), 23000);
                Database database = Database.open(file.toString())) {
            CheckResult result = LabEngine.of(lab)
                    .build()
                    .check(CheckRequest.of(Target.parse("alice@customer.example"))
                            .withServer(HostName.parse("mail.customer.example")));
            DatabaseResults results = new DatabaseResults(database.results());

            results.save(result.forDomainOnly());
            StoredResult stored = results.newest(HostName.parse("customer.example"), Duration.ofHours(1))
                    .orElseThrow();

            assertThat(stored.domain()).isEqualTo("customer.example");
            assertThat(stored.verdict()).isEqualTo("fixable");
            assertThat(stored.json()).contains("srv12.webhost.example").doesNotContain("alice");
            assertThat(results.newest(HostName.parse("other.example"), Duration.ofHours(1)))
                    .isEmpty();
        }
        assertThat(Files.readAllBytes(file)).as("the SQLite file").isNotEmpty();
    }
}
