package dev.mailcert.web.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressLiteralTest {

    @ParameterizedTest(name = "{0} is the address {1}")
    @CsvSource(textBlock = """
            127.0.0.1,            127.0.0.1
            ' 10.0.0.1 ',         10.0.0.1
            192.168.1.1.,         192.168.1.1
            [::1],                0:0:0:0:0:0:0:1
            fd00::1,              fd00:0:0:0:0:0:0:1
            [64:ff9b::a00:1],     64:ff9b:0:0:0:0:a00:1
            ::ffff:127.0.0.1,     127.0.0.1
            """)
    void recognisesLiterals(String text, String address) {
        assertThat(AddressLiteral.parse(text))
                .hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo(address));
    }

    @ParameterizedTest(name = "{0} is not a literal")
    @ValueSource(
            strings = {
                "mail.customer.example",
                "localhost",
                "256.0.0.1",
                "1.2.3",
                "0x7f.0.0.1",
                "dead:beef.example",
                "xn--strae-oqa.de",
                "",
                "   "
            })
    void namesAreNotLiterals(String text) {
        assertThat(AddressLiteral.parse(text)).isEmpty();
    }
}
