package dev.mailcert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrableDomainTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "srv12.webhost.example,     webhost.example", // unlisted TLD: the PSL's implicit rule '*'
        "mail.example.com,          example.com",
        "a.b.example.co.uk,         example.co.uk",
        "mx1.mail.provider.de,      provider.de",
        "host.customer.test,        customer.test",
    })
    void of_followsThePublicSuffixList(String host, String expected) {
        assertThat(RegistrableDomain.of(HostName.parse(host))).contains(expected);
    }

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
        "srv12.webhost.example, mx.webhost.example,  true",
        "srv12.webhost.example, mx.otherhost.example, false",
        "a.example.co.uk,       b.other.co.uk,       false",
        "a.example.co.uk,       b.example.co.uk,     true",
    })
    void same_comparesRegistrableDomains(String a, String b, boolean same) {
        assertThat(RegistrableDomain.same(HostName.parse(a), HostName.parse(b))).isEqualTo(same);
    }
}
