package dev.mailcert.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameConstraintRulesTest {

    @ParameterizedTest(name = "{0} within {1} -> {2}")
    @CsvSource(textBlock = """
            mail.example.com,     example.com,      true
            example.com,          example.com,      true
            MAIL.EXAMPLE.COM,     example.com,      true
            mail.example.com,     EXAMPLE.com,      true
            *.example.com,        example.com,      true
            mail.badexample.com,  example.com,      false
            example.com,          .example.com,     false
            mail.example.com,     .example.com,     true
            mail.example.com,     mail.example.com, true
            example.com,          mail.example.com, false
            mail.example.org,     example.com,      false
            mail.example.com,     '',               true
            """)
    void dnsNameWithinSubtree(String name, String constraint, boolean within) {
        assertThat(NameConstraintRules.dnsWithin(name, constraint)).isEqualTo(within);
    }

    @ParameterizedTest(name = "{0} within {1}/{2} -> {3}")
    @CsvSource(textBlock = """
            192.0.2.7,     192.0.2.0,   ffffff00,                         true
            192.0.3.7,     192.0.2.0,   ffffff00,                         false
            192.0.2.7,     0.0.0.0,     00000000,                         true
            192.0.2.7,     192.0.2.7,   ffffffff,                         true
            2001:db8::7,   2001:db8::,  ffffffffffffffff0000000000000000, true
            2001:db9::7,   2001:db8::,  ffffffffffffffff0000000000000000, false
            ::ffff:c000:207, 192.0.2.0, ffffff00,                         false
            """)
    void addressWithinSubtree(String address, String base, String mask, boolean within) {
        byte[] octets = address.startsWith("::ffff:") ? mapped(address) : InetAddresses.forString(address).getAddress();
        byte[] baseOctets = InetAddresses.forString(base).getAddress();
        byte[] constraint = new byte[baseOctets.length * 2];
        System.arraycopy(baseOctets, 0, constraint, 0, baseOctets.length);
        System.arraycopy(HexFormat.of().parseHex(mask), 0, constraint, baseOctets.length, baseOctets.length);

        assertThat(NameConstraintRules.ipWithin(octets, constraint)).isEqualTo(within);
    }

    /** An IPv4-mapped IPv6 address as the 16 octets a certificate holds (never an IPv4 address). */
    private static byte[] mapped(String address) {
        return ReferenceName.octets(address);
    }
}
