package dev.mailcert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {
    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "results.db,                                     SQLITE",
        "jdbc:sqlite:results.db,                         SQLITE",
        "jdbc:sqlite:results.db?max_page_count=100,      SQLITE",
        "jdbc:postgresql://127.0.0.1:55432/mailcert,     POSTGRESQL",
        "jdbc:postgresql://localhost/mailcert?user=scan, POSTGRESQL",
    })
    void parse_tellsSqliteFromPostgresql(String url, DatabaseUrl.Kind kind) {
        assertThat(DatabaseUrl.parse(url).kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres://host/db                   | not a JDBC URL or a file path",
                "https://example.com/db               | not a JDBC URL or a file path",
                "jdbc:mysql://host/db                 | unsupported database URL",
                "jdbc:postgresql:///db                | not a PostgreSQL URL (no host)",
                "jdbc:sqlite::memory:                 | needs a file path",
                "/nonexistent-dir/results.db          | the directory /nonexistent-dir does not exist",
                "'   '                                | no database given",
            })
    void parse_refusesWithOneLine(String url, String message) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(message)
                .message()
                .doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db.example:5432/mailcert?user=scan&password=s3cret | jdbc:postgresql://db.example:5432/mailcert",
                "jdbc:postgresql://scan:s3cret@db.example/mailcert                   | jdbc:postgresql://db.example/mailcert",
            })
    void toString_neverShowsThePassword(String url, String shown) {
        assertThat(DatabaseUrl.parse(url).toString()).isEqualTo(shown).doesNotContain("s3cret");
    }

    @org.junit.jupiter.api.Test
    void parse_refusesADirectory() {
        assertThatThrownBy(() -> DatabaseUrl.parse(dir.toString())).hasMessageContaining("it is a directory");
    }
}
