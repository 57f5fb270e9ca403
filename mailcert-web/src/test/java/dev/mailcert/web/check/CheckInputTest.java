package dev.mailcert.web.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.web.policy.PublicAddressPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckInputTest {

    @ParameterizedTest(name = "target {0}, server {1}: {2}")
    @CsvSource(textBlock = """
            alice@customer.example,   ,                        200
            customer.example,         mail.customer.example,   200
            ,                         ,                        400
            nobody,                   ,                        400
            alice@customer.example,   not_a_host,              400
            alice@customer.example,   127.0.0.1,               403
            alice@customer.example,   '[fd00::1]',             403
            alice@customer.example,   169.254.169.254,         403
            alice@customer.example,   8.8.8.8,                 400
            'alice@[10.0.0.1]',       ,                        403
            alice@192.168.1.1,        ,                        403
            """)
    void inputBecomesARequestOrTheAnswerThatRefusesIt(String target, String server, int status) {
        CheckInput.Parsed parsed = CheckInput.parse(target, server, new PublicAddressPolicy());

        int actual =
                parsed instanceof CheckInput.Invalid invalid ? invalid.answer().status() : 200;
        assertThat(actual).isEqualTo(status);
    }
}
