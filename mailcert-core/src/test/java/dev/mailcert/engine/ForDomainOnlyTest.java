package dev.mailcert.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForDomainOnlyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://autoconfig.customer.example/mail/config-v1.1.xml?emailaddress=alice%40customer.example | https://autoconfig.customer.example/mail/config-v1.1.xml
            https://x.example/a?x=1&emailaddress=alice%40customer.example&y=2                               | https://x.example/a?x=1&y=2
            Autodiscover for alice@customer.example answered 404                                             | Autodiscover for customer.example answered 404
            nothing personal                                                                                 | nothing personal
            """)
    void theAddressIsCutFromUrlsAndText(String text, String expected) {
        assertThat(CheckResult.withoutAddress(text, "alice@customer.example", "customer.example"))
                .isEqualTo(expected);
    }
}
