package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.lab.Lab;
import dev.mailcert.lab.fleet.Fleet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan in a child JVM killed with SIGKILL at random moments, then run again until it finishes:
 * every target has exactly one result, the same as an uninterrupted scan's, and the SQLite file
 * passes its integrity check.
 */
class ScanKillResumeTest {
    private static final int KILLS = 5;

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsAndResumed_everyTargetOnce_sameResults_integrityOk() throws Exception {
        Fleet fleet = Fleet.generate(160, "127.0.23");
        Path input = dir.resolve("fleet.txt");
        fleet.writeInput(input);
        Random random = new Random();
        try (Lab lab = Lab.start(fleet.scenario(), 23000)) {
            Path killed = dir.resolve("killed.db");
            int kills = 0;
            List<Long> finishedAtKill = new ArrayList<>();
            while (kills < KILLS) {
                Process child = child(lab, input, killed);
                boolean ended = child.waitFor(300 + random.nextInt(2_500), TimeUnit.MILLISECONDS);
                if (ended) {
                    break; // it finished before the kill: the scan is done
                }
                child.destroyForcibly(); // SIGKILL on Linux and macOS
                child.waitFor(10, TimeUnit.SECONDS);
                kills++;
                finishedAtKill.add(rows(killed));
            }
            assertThat(kills).as("kills before the scan finished").isGreaterThanOrEqualTo(KILLS);
            Process last = child(lab, input, killed);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue())
                    .as(new String(last.getErrorStream().readAllBytes()))
                    .isEqualTo(1);

            Path whole = dir.resolve("whole.db");
            Process uninterrupted = child(lab, input, whole);
            assertThat(uninterrupted.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(finishedAtKill).isSorted();
            assertThat(integrity(killed)).isEqualTo("ok");
            Map<String, String> resumed = results(killed);
            assertThat(resumed).hasSize(160);
            assertThat(rows(killed)).isEqualTo(160);
            assertThat(resumed).isEqualTo(results(whole));
        }
    }

    private static Process child(Lab lab, Path input, Path db) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.mailcert.cli.Main",
                "scan",
                input.toString(),
                "--db",
                db.toString(),
                "--name",
                "fleet",
                "--dns",
                lab.dnsAddress().getAddress().getHostAddress() + ":"
                        + lab.dnsAddress().getPort(),
                "--trust",
                lab.trustFile().toString(),
                "--port-offset",
                Integer.toString(lab.portOffset()),
                "--offline",
                "--quiet",
                "--concurrency",
                "16");
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static long rows(Path db) throws Exception {
        if (!db.toFile().exists()) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM scan_result")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0; // killed before the tables were made
        }
    }

    private static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** What a result says, per target: verdict, settings, server, certificate and problems (not timings). */
    private static Map<String, String> results(Path db) throws Exception {
        Map<String, String> results = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT target_key, verdict, imap_host, imap_port, imap_security, pop3_host, "
                                + "pop3_port, smtp_host, smtp_port, confidence, addresses, certificate_sha256, problems FROM scan_result")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 2; i <= 13; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                results.put(rs.getString(1), row.toString());
            }
        }
        return results;
    }
}
