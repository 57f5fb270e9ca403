package dev.mailcert.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.fleet.Fleet;
import dev.mailcert.lab.fleet.FleetDomain;
import dev.mailcert.lab.fleet.FleetShape;
import dev.mailcert.lab.mail.LabMailServer;
import dev.mailcert.store.Database;
import dev.mailcert.store.ScanResult;
import dev.mailcert.store.ScanResults;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole scans of a lab fleet (in-process) into SQLite. */
class FleetScanLabTest {
    private static final Fleet FLEET = Fleet.generate(60, "127.0.21");
    private static Lab lab;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start(FLEET.scenario(), 21000);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static Mailcert engine() {
        return LabEngine.of(lab)
                .timeout(Duration.ofSeconds(20))
                .connectionsPerAddress(4)
                .shareAcrossChecks(8192, Duration.ofMinutes(30))
                .build();
    }

    private static String input() {
        return FLEET.domains().stream().map(FleetDomain::line).collect(Collectors.joining("\n", "# the fleet\n", "\n"));
    }

    private ScanOutcome scan(Database db, String input, ScanSettings settings) throws Exception {
        return FleetScan.run(
                engine(), db.results().scan(settings.name()), new StringReader(input), settings, Progress.NONE);
    }

    private static ScanSettings settings(String name) {
        return new ScanSettings(name, false, 16, false, Optional.empty());
    }

    @Test
    void scan_everyDomainGetsItsExpectedVerdictAndVerifiedName_andSharedServersAreAskedOncePerName() throws Exception {
        int before =
                lab.mailServers().stream().mapToInt(LabMailServer::connections).sum();
        try (Database db = Database.open(dir.resolve("fleet.db").toString())) {
            ScanOutcome outcome = scan(db, input(), settings("fleet"));
            assertThat(outcome.validLines()).isEqualTo(60);
            assertThat(outcome.checkedNow()).isEqualTo(60);
            Map<String, ScanResult> byTarget = new HashMap<>();
            db.results().forEachResult("fleet", r -> byTarget.put(r.target(), r));
            assertThat(byTarget).hasSize(60);
            for (FleetDomain d : FLEET.domains()) {
                ScanResult r = byTarget.get(d.target());
                assertThat(r.row().verdict())
                        .as(d.target() + " " + d.shape())
                        .isEqualTo(d.shape().expect().id());
                assertThat(r.row()
                                .recommendedHost()
                                .filter(h -> d.shape().expect().id().equals("fixable")))
                        .as(d.target())
                        .isEqualTo(d.shape().recommend());
            }
        }
        int connections =
                lab.mailServers().stream().mapToInt(LabMailServer::connections).sum() - before;
        long reached = FLEET.domains().stream()
                .filter(d -> d.shape() != FleetShape.NO_RECORD && d.shape() != FleetShape.NO_SERVER)
                .count();
        // every domain gets its own six handshakes (its name as SNI); the servers' own names and the probes
        // without SNI are shared: at most 6 per server and name (5 servers, 2 names each, no SNI)
        assertThat(connections).isLessThanOrEqualTo((int) (reached * 6 + 5 * 3 * 6 + 6 * 5));
    }

    @Test
    void scanAgain_continuesAndFindsNothingLeft_freshScansEverythingAgain() throws Exception {
        String few =
                FLEET.domains().subList(0, 8).stream().map(FleetDomain::line).collect(Collectors.joining("\n"));
        try (Database db = Database.open(dir.resolve("fleet.db").toString())) {
            assertThat(scan(db, few, settings("again")).checkedNow()).isEqualTo(8);
            assertThat(scan(db, few, settings("again")).checkedNow()).isZero();
            ScanOutcome fresh = scan(db, few, new ScanSettings("again", true, 4, false, Optional.empty()));
            assertThat(fresh.checkedNow()).isEqualTo(8);
            assertThat(db.results().scan("again").finished()).isEqualTo(8);
        }
    }

    @Test
    void duplicatesAndBadLines_eachPairScannedOnce_badLinesCountedWithTheirNumbers() throws Exception {
        String input = "customer00001.example,mail.customer00001.example\n"
                + "CUSTOMER00001.example.,Mail.Customer00001.Example.\n"
                + "customer00001.example\n"
                + "not a target\n"
                + "\n"
                + "a.example,b.example,c.example\n"
                + "customer00001.example,mail.customer00001.example\n";
        try (Database db = Database.open(dir.resolve("fleet.db").toString())) {
            ScanOutcome outcome = scan(db, input, settings("dups"));
            assertThat(outcome.validLines()).isEqualTo(4);
            assertThat(outcome.targets()).isEqualTo(2);
            assertThat(outcome.checkedNow()).isEqualTo(2);
            assertThat(outcome.badLines()).isEqualTo(2);
            assertThat(outcome.shownBadLines()).extracting(InputLine.Bad::line).containsExactly(4L, 6L);
        }
    }

    @Test
    void export_jsonLinesAndCsv_everyResultInInputOrder() throws Exception {
        String input =
                FLEET.domains().subList(0, 12).stream().map(FleetDomain::line).collect(Collectors.joining("\n"));
        try (Database db = Database.open(dir.resolve("fleet.db").toString())) {
            scan(db, input, settings("export"));
            ScanResults results = db.results().scan("export");
            StringWriter jsonl = new StringWriter();
            assertThat(Export.write(results, Export.Format.JSONL, jsonl)).isEqualTo(12);
            List<String> targets = new ArrayList<>();
            for (String line : jsonl.toString().split("\n")) {
                JsonNode json = new ObjectMapper().readTree(line);
                assertThat(json.get("schema").asText()).isEqualTo("mailcert.check/1");
                targets.add(json.get("target").asText());
            }
            assertThat(targets)
                    .containsExactlyElementsOf(FLEET.domains().subList(0, 12).stream()
                            .map(FleetDomain::target)
                            .toList());
            StringWriter csv = new StringWriter();
            Export.write(results, Export.Format.CSV, csv);
            String[] rows = csv.toString().split("\r\n");
            assertThat(rows[0]).startsWith("target,server,verdict,");
            assertThat(rows).hasSize(13);
            assertThat(rows[1])
                    .startsWith(
                            "customer00001.example,mail.customer00001.example,fixable,srv1.webhost.example,21993,tls,");
        }
    }

    @Test
    void summaryAndReport_groupBySharedServer_selfContainedAndEscaped() throws Exception {
        String input = input() + "<script>alert(1)</script>\n" + "x.example,\"><img src=x>\n";
        try (Database db = Database.open(dir.resolve("fleet.db").toString())) {
            ScanOutcome outcome = scan(db, input, settings("report"));
            FleetSummary summary = FleetSummary.of(db.results().scan("report"), db.describe(), outcome);
            StringWriter text = new StringWriter();
            SummaryText.write(summary, outcome, new java.io.PrintWriter(text));
            assertThat(text.toString())
                    .contains(
                            "use srv1.webhost.example (confidence high) for 18 targets",
                            "use mail.hostingco.example",
                            "use srv4.sniphost.example",
                            "use srv6.oldhost.example",
                            "Servers only the provider can fix",
                            "127.0.21.8",
                            "self-signed",
                            "bad lines 2");
            StringWriter html = new StringWriter();
            HtmlReport.write(summary, html);
            String page = html.toString();
            assertThat(page)
                    .contains("<svg", "srv1.webhost.example", "customer00060.example")
                    .doesNotContain("<script", "<img", "<link", "<iframe", "src=\"", "href=\"", "url(")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x&gt;");
        }
    }

    @Test
    void writeConfig_filesForOkAndFixableDomainsOnly() throws Exception {
        String input =
                FLEET.domains().subList(0, 20).stream().map(FleetDomain::line).collect(Collectors.joining("\n"));
        Path configs = dir.resolve("configs");
        try (Database db = Database.open(dir.resolve("fleet.db").toString())) {
            ScanOutcome outcome = scan(db, input, new ScanSettings("configs", false, 8, false, Optional.of(configs)));
            assertThat(Files.readString(configs.resolve("customer00001.example/config-v1.1.xml")))
                    .contains("srv1.webhost.example");
            assertThat(configs.resolve("customer00017.example/autodiscover.xml"))
                    .exists(); // an address: all three
            assertThat(configs.resolve("customer00003.example/config-v1.1.xml")).exists(); // discovered: fixable too
            assertThat(configs.resolve("customer00006.example")).doesNotExist(); // self-signed: unfixable
            assertThat(configs.resolve("customer00010.example/config-v1.1.xml")).exists(); // its own certificate: ok
            assertThat(configs.resolve("customer00001.example/autodiscover.xml"))
                    .doesNotExist(); // a domain: no account
            assertThat(outcome.configs().domains()).isEqualTo(16);
        }
    }
}
