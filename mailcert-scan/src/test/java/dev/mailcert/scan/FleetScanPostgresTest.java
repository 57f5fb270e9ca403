package dev.mailcert.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailcert.lab.Lab;
import dev.mailcert.lab.fleet.Fleet;
import dev.mailcert.lab.fleet.FleetDomain;
import dev.mailcert.store.Database;
import dev.mailcert.store.ScanResult;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A whole scan of a lab fleet into a real PostgreSQL (MAILCERT_REAL_PG_URL, see scripts/real-lab.sh pg-start). */
@Tag("real")
class FleetScanPostgresTest {

    @Test
    void scan_intoPostgresql_everyDomainItsExpectedVerdict_thenNothingLeft() throws Exception {
        String url = System.getenv("MAILCERT_REAL_PG_URL");
        assumeTrue(url != null, "no PostgreSQL (scripts/real-lab.sh pg-start; scripts/test does it)");
        Fleet fleet = Fleet.generate(40, "127.0.24");
        String input = fleet.domains().stream().map(FleetDomain::line).collect(Collectors.joining("\n"));
        ScanSettings settings = new ScanSettings("pg-fleet", true, 16, false, Optional.empty());
        try (Lab lab = Lab.start(fleet.scenario(), 24000);
                Database db = Database.open(url)) {
            var engine = LabEngine.of(lab)
                    .shareAcrossChecks(8192, Duration.ofMinutes(30))
                    .build();
            ScanOutcome outcome = FleetScan.run(
                    engine, db.results().scan("pg-fleet"), new StringReader(input), settings, Progress.NONE);
            assertThat(outcome.checkedNow()).isEqualTo(40);
            Map<String, String> verdicts = new HashMap<>();
            db.results()
                    .forEachResult(
                            "pg-fleet",
                            (ScanResult r) -> verdicts.put(r.target(), r.row().verdict()));
            for (FleetDomain d : fleet.domains()) {
                assertThat(verdicts.get(d.target()))
                        .as(d.target())
                        .isEqualTo(d.shape().expect().id());
            }
            ScanSettings again = new ScanSettings("pg-fleet", false, 16, false, Optional.empty());
            assertThat(FleetScan.run(
                                    engine,
                                    db.results().scan("pg-fleet"),
                                    new StringReader(input),
                                    again,
                                    Progress.NONE)
                            .checkedNow())
                    .isZero();
        }
    }
}
