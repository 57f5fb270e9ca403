package dev.mailcert.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientKeyTest {

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For {1}: {2}")
    @CsvSource(textBlock = """
            203.0.113.5,  ,                          203.0.113.5
            203.0.113.5,  198.51.100.7,              203.0.113.5
            127.0.0.1,    ,                          127.0.0.1
            127.0.0.1,    198.51.100.7,              198.51.100.7
            127.0.0.1,    '10.0.0.1, 198.51.100.7',  198.51.100.7
            127.0.0.1,    not-an-address,            127.0.0.1
            ::1,          198.51.100.9,              198.51.100.9
            """)
    void aLoopbackProxyIsLookedThroughOthersAreNot(String peer, String forwarded, String key) {
        assertThat(ClientKey.of(peer, forwarded)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} and {1} are one client")
    @CsvSource(textBlock = """
            2001:db8:1:2::1,    2001:db8:1:2:ffff::9
            [2001:db8:1:2::1],  2001:db8:1:2::77
            """)
    void ipv6ClientsCountByTheirSlash64(String a, String b) {
        assertThat(ClientKey.of(a, null)).isEqualTo(ClientKey.of(b, null));
        assertThat(ClientKey.of(a, null)).isNotEqualTo(ClientKey.of("2001:db8:1:3::1", null));
    }
}
