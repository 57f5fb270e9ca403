package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServeCommandTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --listen     | localhost         | mailcert: --listen: expected HOST:PORT such as 127.0.0.1:8080, got localhost
            --listen     | 127.0.0.1:http    | mailcert: --listen: the port is not a number: 127.0.0.1:http
            --listen     | 127.0.0.1:70000   | mailcert: --listen: the port must be between 0 and 65535: 70000
            --rate       | 0                 | mailcert: --rate: must be at least 1, got 0
            --max-checks | -1                | mailcert: --max-checks: must be at least 1, got -1
            --max-age    | forever           | mailcert: --max-age: expected a number and a unit (s, m, h or d), e.g. 24h, got forever
            --db         | jdbc:mysql://127.0.0.1/mailcert | mailcert: --db: unsupported database URL jdbc:mysql://127.0.0.1/mailcert: give a file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB
            --lab        | no-such-scenario  | mailcert: --scenario: no such file or built-in scenario: no-such-scenario (built-in: shared-hosting, san-only, already-right, self-signed, sni-dependent, hostile-markup)
            """)
    void badFlagsGiveOneLineAndExit2(String flag, String value, String message) {
        Run run = flag.equals("--listen")
                ? Run.of("serve", flag, value)
                : Run.of("serve", flag, value, "--listen", "127.0.0.1:0");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(message);
        assertThat(run.out()).isEmpty();
    }
}
