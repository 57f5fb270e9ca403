package dev.mailcert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be written is refused with one line; what was committed stays. */
class DatabaseFailureTest {
    @TempDir
    Path dir;

    @Test
    void open_lockedByAnotherWriter_saysLocked() throws Exception {
        Path file = dir.resolve("locked.db");
        Database.open(file.toString()).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            assertThatThrownBy(() -> Database.open(file.toString()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is locked by another program")
                    .message()
                    .doesNotContain("\n");
        }
    }

    @Test
    void open_notADatabase_saysSo() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are notes, not a database\n".repeat(100));
        assertThatThrownBy(() -> Database.open(file.toString()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not an SQLite database");
    }

    @Test
    void open_readOnlyFile_saysReadOnly() throws Exception {
        Path file = dir.resolve("readonly.db");
        Database.open(file.toString()).close();
        assumeTrue(immutable(file, true), "chattr +i is not available here");
        try {
            assertThatThrownBy(() -> Database.open(file.toString()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("read-only");
        } finally {
            immutable(file, false);
        }
    }

    @Test
    void writer_fullDatabase_stopsWithOneLineAndKeepsWhatWasCommitted() throws Exception {
        Path file = dir.resolve("small.db");
        try (Database db = Database.open("jdbc:sqlite:" + file + "?max_page_count=40")) {
            ScanResults scan = db.results().scan("fleet");
            String json = "{\"schema\":\"mailcert.check/1\",\"padding\":\"" + "x".repeat(2_000) + "\"}";
            CheckRow row = new CheckRow(
                    "a.example",
                    "mail.a.example",
                    "ok",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "127.0.0.1",
                    Optional.empty(),
                    Optional.empty(),
                    "",
                    1,
                    Instant.now(),
                    json);
            BatchWriter writer = scan.writer(Duration.ofMillis(50), 5);
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 10_000; i++) {
                            writer.save(new ScanTarget("t" + i, i, "t" + i + ".example", Optional.empty()), row);
                        }
                        writer.close();
                    })
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is full");
            long committed = writer.committed();
            assertThat(committed).isPositive();
            assertThat(scan.finished()).isEqualTo(committed);
        }
    }

    private static boolean immutable(Path file, boolean on) {
        try {
            Process p = new ProcessBuilder("chattr", on ? "+i" : "-i", file.toString())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && (!on || !Files.isWritable(file) || !canAppend(file));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean canAppend(Path file) {
        try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
