package dev.mailcert.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.BadInputException;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsServerTest {

    @ParameterizedTest(name = "{0} -> {1} port {2}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.53             | 127.0.0.53 | 53
            127.0.0.53:5353        | 127.0.0.53 | 5353
            ' 127.0.0.1:1 '        | 127.0.0.1  | 1
            127.0.0.1:65535        | 127.0.0.1  | 65535
            [::1]:53               | ::1        | 53
            [::1]:10053            | ::1        | 10053
            [::1]                  | ::1        | 53
            ::1                    | ::1        | 53
            2001:db8::53           | 2001:db8::53 | 53
            localhost:5353         | 127.0.0.1  | 5353
            """)
    void parsesHostAndPort(String text, String address, int port) throws Exception {
        DnsServer server = DnsServer.parse(text);
        assertThat(server.address().getAddress()).isEqualTo(InetAddress.getByName(address));
        assertThat(server.address().getPort()).isEqualTo(port);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1:70000        | port out of range (1-65535): 70000
            127.0.0.1:0            | port out of range (1-65535): 0
            127.0.0.1:99999999999  | port out of range (1-65535): 99999999999
            127.0.0.1:             | missing port number after ':' in 127.0.0.1:
            127.0.0.1:dns          | not a port number: dns
            127.0.0.1:-1           | not a port number: -1
            :53                    | a host is required before ':'
            ''                     | a DNS server address is required, e.g. 127.0.0.53 or [::1]:5353
            1.2.3                  | not a valid IPv4 address: 1.2.3
            256.0.0.1:53           | not a valid IPv4 address: 256.0.0.1
            [::1                   | missing ']' after the IPv6 address: [::1
            [::1]53                | expected ':PORT' after ']': [::1]53
            [127.0.0.1]:53         | not an IPv6 address (with a port, write [ADDRESS]:PORT): 127.0.0.1
            ::1:53:zz              | not an IPv6 address (with a port, write [ADDRESS]:PORT): ::1:53:zz
            bad_name:53            | not a valid host name (Contains non-LDH ASCII characters): bad_name
            """)
    void rejectsBadInputWithOneClearLine(String text, String message) {
        assertThatThrownBy(() -> DnsServer.parse(text))
                .isInstanceOf(BadInputException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.53        | 127.0.0.53:53
            [::1]:5353        | [0:0:0:0:0:0:0:1]:5353
            """)
    void showsHostPortAsAPersonWouldTypeIt(String text, String shown) {
        assertThat(DnsServer.parse(text).hostPort()).isEqualTo(shown);
    }
}
