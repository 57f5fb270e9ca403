package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailcert.lab.Lab;
import dev.mailcert.lab.fleet.Fleet;
import dev.mailcert.lab.fleet.FleetDomain;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** mailcert scan on the command line: exit codes, one-line refusals, export and report, against a lab fleet. */
class ScanCommandTest {
    private static final Fleet FLEET = Fleet.generate(20, "127.0.22");
    private static Lab lab;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start(FLEET.scenario(), 22000);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private Run scan(String input, String... more) throws Exception {
        Path file = dir.resolve("fleet.txt");
        Files.writeString(file, input);
        return scanFile(file.toString(), more);
    }

    private Run scanFile(String file, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "scan",
                file,
                "--dns",
                "127.0.22.53:22053",
                "--trust",
                lab.trustFile().toString(),
                "--port-offset",
                "22000",
                "--offline",
                "--quiet"));
        if (List.of(more).stream().noneMatch(a -> a.equals("--db"))) {
            args.addAll(List.of("--db", dir.resolve("results.db").toString()));
        }
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    private static String lines(List<FleetDomain> domains) {
        return domains.stream().map(FleetDomain::line).collect(Collectors.joining("\n", "", "\n"));
    }

    private static void oneLine(Run run, String message) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void scan_theFleet_summaryExportReportAndExit1() throws Exception {
        Path csv = dir.resolve("fleet.csv");
        Path html = dir.resolve("fleet.html");
        Run run = scan(
                lines(FLEET.domains()), "--export", csv.toString(), "--report", html.toString(), "--concurrency", "8");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "Scan 'fleet': 20 targets, 20 with a result",
                        "ok 3   fixable 13   unfixable 2   unreachable 2",
                        "use srv1.webhost.example",
                        "Exported 20 results to " + csv,
                        "Report: " + html);
        assertThat(Files.readAllLines(csv)).hasSize(21).first().asString().startsWith("target,server,verdict,");
        assertThat(Files.readString(html)).contains("<svg");

        Path jsonl = dir.resolve("again.jsonl");
        Run again = scan(lines(FLEET.domains()), "--export", jsonl.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.out()).contains("nothing left to scan");
        assertThat(Files.readAllLines(jsonl))
                .hasSize(20)
                .allSatisfy(l -> assertThat(l).startsWith("{\"schema\":\"mailcert.check/1\""));
    }

    @Test
    void scan_onlyOkTargets_exit0_onlyUnreachable_exit3() throws Exception {
        List<FleetDomain> ok = FLEET.domains().stream()
                .filter(d -> d.shape().expect().id().equals("ok"))
                .toList();
        assertThat(scan(lines(ok), "--name", "ok").code()).isZero();
        List<FleetDomain> gone = FLEET.domains().stream()
                .filter(d -> d.shape().expect().id().equals("unreachable"))
                .toList();
        assertThat(scan(lines(gone) + "bad line here\n", "--name", "gone").code())
                .isEqualTo(3);
        assertThat(scan(lines(ok) + "bad line here\n", "--name", "ok-and-bad").code())
                .isEqualTo(1);
    }

    @Test
    void scan_standardInput_namedStdin() throws Exception {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(
                    lines(FLEET.domains().subList(0, 3)).getBytes(StandardCharsets.UTF_8)));
            Run run = scanFile("-");
            assertThat(run.out()).contains("Scan 'stdin': 3 targets, 3 with a result");
        } finally {
            System.setIn(stdin);
        }
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                   | no target in",
                "'# only a comment\n\n   \n'          | no target in",
                "'not a target\nalso bad,x,y\n'       | no valid line in",
            })
    void scan_nothingToScan_oneLineExit2(String input, String message) throws Exception {
        oneLine(scan(input.replace("\\n", "\n")), message);
    }

    @Test
    void scan_unreadableInput_oneLineExit2() {
        oneLine(scanFile(dir.resolve("missing.txt").toString()), "cannot read");
        oneLine(scanFile(dir.toString()), "it is a directory");
    }

    @ParameterizedTest(name = "--db {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres://scan:s3cret@db.example/mailcert  | not a JDBC URL",
                "jdbc:mysql://db.example/mailcert            | unsupported database URL",
                "/nonexistent-dir/results.db                 | cannot open the database /nonexistent-dir/results.db: the directory",
            })
    void scan_badDatabase_oneLineExit2(String db, String message) throws Exception {
        Run run = scan(lines(FLEET.domains().subList(0, 2)), "--db", db);
        oneLine(run, "--db: " + message);
        assertThat(run.err()).doesNotContain("s3cret");
    }

    @Test
    void scan_databaseLockedByAnotherProcess_oneLineExit2() throws Exception {
        Path db = dir.resolve("locked.db");
        assertThat(scan(lines(FLEET.domains().subList(0, 1)), "--db", db.toString())
                        .code())
                .isEqualTo(1);
        Process holder;
        try {
            holder = new ProcessBuilder(
                            "python3",
                            "-c",
                            "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1],isolation_level=None)\n"
                                    + "c.execute('BEGIN EXCLUSIVE')\nprint('locked',flush=True)\nsys.stdin.read()",
                            db.toString())
                    .start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 is needed to hold the lock from another process");
            return;
        }
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6), StandardCharsets.US_ASCII))
                    .isEqualTo("locked");
            oneLine(scan(lines(FLEET.domains().subList(0, 2)), "--db", db.toString()), "is locked by another program");
        } finally {
            holder.destroy();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void scan_readOnlyDatabase_oneLineExit2() throws Exception {
        Path db = dir.resolve("readonly.db");
        assertThat(scan(lines(FLEET.domains().subList(0, 1)), "--db", db.toString())
                        .code())
                .isEqualTo(1);
        assumeTrue(chattr("+i", db), "chattr +i is not available here");
        try {
            oneLine(scan(lines(FLEET.domains().subList(0, 2)), "--db", db.toString()), "read-only");
        } finally {
            chattr("-i", db);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--export,results.txt      | --export: the file name must end in .jsonl or .csv",
                "--concurrency,0           | --concurrency: between 1 and",
                "--per-address,0           | --per-address: between 1 and",
                "--timeout,0               | --timeout: the time allowed must be between 1 and 600",
                "--server,mail.example.com | Unknown options: '--server'",
            })
    void scan_badFlags_oneLineExit2(String flags, String message) throws Exception {
        oneLine(scan(lines(FLEET.domains().subList(0, 1)), flags.split(",")), message);
    }

    private static boolean chattr(String mode, Path file) {
        try {
            Process p = new ProcessBuilder("chattr", mode, file.toString())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
