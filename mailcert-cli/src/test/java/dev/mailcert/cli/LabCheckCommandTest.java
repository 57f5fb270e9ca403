package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabCheckCommandTest {

    @Test
    void checkArgumentsPointAtTheLab() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"), 20000)) {
            String trust = lab.trustFile().toString();

            assertThat(LabCheckCommand.arguments(lab))
                    .containsExactly(
                            "alice@customer.example",
                            "--server",
                            "mail.customer.example",
                            "--dns",
                            "127.0.10.53:20053",
                            "--trust",
                            trust,
                            "--port-offset",
                            "20000");
            assertThat(LabCheckCommand.line(lab))
                    .isEqualTo("mailcert check alice@customer.example --server "
                            + "mail.customer.example --dns 127.0.10.53:20053 --trust "
                            + LabCheckCommand.shellQuote(trust)
                            + " --port-offset 20000");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            alice@customer.example  | alice@customer.example
            127.0.10.53:10053       | 127.0.10.53:10053
            /tmp/x y.pem            | '/tmp/x y.pem'
            it's                    | 'it'\\''s'
            """)
    void shellQuoting(String word, String quoted) {
        assertThat(LabCheckCommand.shellQuote(word)).isEqualTo(quoted);
    }
}
