package dev.mailcert.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 §15.4 as discovery applies it: the method after each redirect, and the origin it must stay in. */
class RedirectsTest {

    @ParameterizedTest(name = "{1} after {0}: {2}")
    @CsvSource(delimiter = ';', textBlock = """
            GET;  301; GET
            GET;  302; GET
            GET;  303; GET
            GET;  307; GET
            GET;  308; GET
            POST; 301; POST
            POST; 302; POST
            POST; 303; GET
            POST; 307; POST
            POST; 308; POST
            """)
    void methodAfterRedirect(String method, int status, String expected) {
        assertThat(Redirects.methodAfter(status, method)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', textBlock = """
            https://AUTOCONFIG.customer.example:443/x;  ''
            https://autoconfig.customer.example/other;  ''
            https://autoconfig.customer.example:8443/x; redirects to another port
            http://autoconfig.customer.example/x;       redirects to a URL without https
            https://customer.example/x;                 redirects to another host
            """)
    void redirectStaysInTheOriginFirstAsked(String next, String refusal) {
        assertRefusal("https://autoconfig.customer.example/mail/config-v1.1.xml", next, refusal);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', textBlock = """
            https://autoconfig.customer.example:10443/x;      https://autoconfig.customer.example:10443/y; ''
            https://autoconfig.customer.example:10443/x;      https://autoconfig.customer.example/y;       redirects to another port
            """)
    void aLabPortIsTheOriginToo(String asked, String next, String refusal) {
        assertRefusal(asked, next, refusal);
    }

    /** An empty {@code refusal}: the redirect stays in the origin. */
    private static void assertRefusal(String asked, String next, String refusal) {
        var why = Redirects.offOrigin(URI.create(asked), URI.create(next));
        if (refusal.isEmpty()) {
            assertThat(why).isEmpty();
        } else {
            assertThat(why).hasValueSatisfying(w -> assertThat(w).startsWith(refusal));
        }
    }
}
