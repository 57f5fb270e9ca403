package dev.mailcert.web.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicAddressPolicyTest {
    private final PublicAddressPolicy policy = new PublicAddressPolicy();

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0                 | unspecified
            0.1.2.3                 | unspecified
            10.0.0.1                | private network
            10.255.255.255          | private network
            100.64.0.1              | carrier-grade NAT
            100.127.255.254         | carrier-grade NAT
            127.0.0.1               | loopback
            127.0.10.7              | loopback
            169.254.169.254         | link-local
            172.16.0.1              | private network
            172.31.255.255          | private network
            192.0.0.8               | IETF protocols
            192.0.2.7               | documentation
            192.88.99.1             | 6to4 relay
            192.168.1.1             | private network
            198.18.0.1              | benchmarking
            198.19.255.255          | benchmarking
            198.51.100.1            | documentation
            203.0.113.9             | documentation
            224.0.0.1               | multicast
            239.255.255.250         | multicast
            240.0.0.1               | reserved
            255.255.255.254         | reserved
            255.255.255.255         | broadcast
            ::                      | unspecified
            ::1                     | loopback
            fe80::1                 | link-local
            febf:ffff::1            | link-local
            fec0::1                 | site-local
            fc00::1                 | unique local
            fd12:3456:789a::1       | unique local
            ff02::1                 | multicast
            ff0e::101               | multicast
            2001:db8::25            | documentation
            3fff::1                 | documentation
            2001:2::1               | benchmarking
            2001:0:4136:e378::1     | Teredo
            2001:10::1              | IETF protocols
            ::7f00:1                | IPv4-compatible address of 127.0.0.1, a loopback
            ::a00:1                 | IPv4-compatible address of 10.0.0.1, a private
            ::808:808               | IPv4-compatible address of 8.8.8.8
            2002:7f00:1::1          | 6to4 address of 127.0.0.1, a loopback
            2002:c0a8:101::1        | 6to4 address of 192.168.1.1, a private
            2002:a9fe:a9fe::1       | 6to4 address of 169.254.169.254, a link-local
            64:ff9b::7f00:1         | NAT64 address of 127.0.0.1, a loopback
            64:ff9b::a00:1          | NAT64 address of 10.0.0.1, a private
            64:ff9b::c000:207       | NAT64 address of 192.0.2.7, a documentation
            64:ff9b:1::808:808      | local-use NAT64
            100::1                  | outside global unicast
            5f00::1                 | outside global unicast
            """)
    void refusesEveryAddressThatIsNotGlobalUnicast(String literal, String reason) throws Exception {
        assertThat(policy.refusal(InetAddress.getByName(literal)))
                .hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest(name = "{0} allowed")
    @CsvSource(textBlock = """
            1.1.1.1
            8.8.8.8
            9.255.255.255
            11.0.0.1
            100.63.255.255
            100.128.0.1
            126.255.255.255
            128.0.0.1
            169.253.255.255
            172.15.255.255
            172.32.0.1
            192.0.1.255
            192.169.0.1
            198.17.255.255
            198.20.0.1
            203.0.114.1
            223.255.255.255
            2a00:1450:4001:80b::200e
            2001:4860:4860::8888
            2001:200::1
            2001:db9::1
            2002:808:808::1
            64:ff9b::808:808
            2600::1
            """)
    void allowsGlobalUnicast(String literal) throws Exception {
        assertThat(policy.refusal(InetAddress.getByName(literal))).isEmpty();
    }

    @ParameterizedTest(name = "{0} (mapped, arrives as IPv4 {1}) refused")
    @CsvSource(textBlock = """
            ::ffff:127.0.0.1,    127.0.0.1
            ::ffff:10.1.2.3,     10.1.2.3
            ::ffff:192.168.0.1,  192.168.0.1
            ::ffff:a9fe:a9fe,    169.254.169.254
            """)
    void ipv4MappedFormsAreJudgedAsTheirIpv4Address(String literal, String v4) throws Exception {
        InetAddress parsed = InetAddress.getByName(literal);

        assertThat(parsed.getHostAddress()).isEqualTo(v4); // the JDK hands these over as IPv4
        assertThat(policy.refusal(parsed)).isPresent();
    }

    @ParameterizedTest(name = "raw IPv4-mapped bytes of {0} refused")
    @CsvSource(textBlock = """
            127.0.0.1
            10.0.0.1
            8.8.8.8
            """)
    void ipv4MappedBytesInAnIpv6AddressAreRefused(String v4) throws Exception {
        byte[] embedded = InetAddress.getByName(v4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(embedded, 0, mapped, 12, 4);

        assertThat(policy.refusal(java.net.Inet6Address.getByAddress(null, mapped, -1)))
                .hasValueSatisfying(r -> assertThat(r).contains("IPv4-mapped address of " + v4));
    }
}
