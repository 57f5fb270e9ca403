package dev.mailcert.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTest {

    @ParameterizedTest(name = "{0} -> domain {1}")
    @CsvSource({
        "alice@customer.example,       customer.example",
        "customer.example,             customer.example",
        "Alice@Customer.EXAMPLE.,      customer.example",
        "bob@bücher.example,           xn--bcher-kva.example",
        "'  mail.example.org  ',       mail.example.org",
        "\"quoted@local\"@example.com, example.com",
    })
    void parse_acceptsAddressesAndDomains(String input, String domain) {
        assertThat(Target.parse(input).domain().value()).isEqualTo(domain);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                     | a target is required",
                "alice@                 | not an email address or a domain",
                "@customer.example      | not an email address",
                "alice@customer         | not a mail domain",
                "customer..example      | not an email address or a domain",
                "alice@-bad-.example    | not an email address or a domain",
                "192.0.2.7              | an IP address is not a host name",
                "a b@customer.example   | not an email address",
                "xn--a.example          | not an email address or a domain",
            })
    void parse_rejectsWithOneClearLine(String input, String message) {
        assertThatThrownBy(() -> Target.parse(input))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @org.junit.jupiter.api.Test
    void parse_rejectsNamesLongerThan253Characters() {
        String longName = ("a".repeat(60) + ".").repeat(5) + "example";
        assertThatThrownBy(() -> Target.parse("alice@" + longName))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("253");
    }
}
