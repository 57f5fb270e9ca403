package dev.mailcert.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.BadInputException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {

    /** A certificate whose SANs are given as "dns1 dns2 ip:192.0.2.1"; the CN is deliberately unrelated. */
    private static X509Certificate withNames(String names) {
        TestCertificates.Spec spec = TestCertificates.leaf("cn.unrelated.example");
        for (String name : names.split(" ")) {
            if (name.startsWith("ip:")) {
                spec.ip(name.substring(3));
            } else {
                spec.dns(name);
            }
        }
        return spec.build().certificate();
    }

    @ParameterizedTest(name = "{0} vs [{1}] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # RFC 9525 §6.3: exact names, case-insensitive, one trailing dot on the reference ignored
            mail.example.com        | mail.example.com                    | true
            MAIL.Example.COM        | mail.example.com                    | true
            mail.example.com        | MAIL.EXAMPLE.COM                    | true
            mail.example.com.       | mail.example.com                    | true
            mail.example.com        | www.example.com example.org         | false
            mail.example.com        | mail.example.com.                   | false
            mail.example.com        | other.example mail.example.com      | true
            # wildcards: entire left-most label, exactly one label, never the apex
            foo.example.com         | *.example.com                       | true
            FOO.EXAMPLE.COM         | *.Example.Com                       | true
            example.com             | *.example.com                       | false
            a.b.example.com         | *.example.com                       | false
            srv12.webhost.example   | *.webhost.example webhost.example   | true
            webhost.example         | *.webhost.example webhost.example   | true
            mail.customer.example   | *.webhost.example webhost.example   | false
            # RFC 6125 §6.4.3 examples: rule 2 (the whole left-most label, one label only) still holds
            foo.example.com         | *.example.com                       | true
            bar.foo.example.com     | *.example.com                       | false
            example.com             | *.example.com                       | false
            # RFC 6125 §6.4.3 rule 1: never a wildcard in another label
            bar.foo.example.net     | bar.*.example.net                   | false
            # RFC 6125 §6.4.3 rule 3 said MAY match; RFC 9525 §6.3 makes them invalid, so they never match
            baz1.example.net        | baz*.example.net                    | false
            foobaz.example.net      | *baz.example.net                    | false
            buzz.example.net        | b*z.example.net                     | false
            # partial wildcards and * in other labels are invalid and ignored (RFC 9525 §6.3)
            foo.example.com         | f*.example.com                      | false
            foo.example.com         | *oo.example.com                     | false
            foo.example.com         | fo*.example.com                     | false
            foo.example.com         | f*o.example.com                     | false
            foo.example.com         | foo.*.com                           | false
            foo.example.com         | *.*.com                             | false
            foo.example.com         | **.example.com                      | false
            foo.example.com         | *                                   | false
            # a wildcard needs at least two labels after it
            example.com             | *.com                               | false
            foo.com                 | *.com                               | false
            bar.co.uk               | *.co.uk                             | false
            www.example.co.uk       | *.example.co.uk                     | true
            # ... nor over a Public Suffix List entry of the private section
            bucket.s3.amazonaws.com | *.s3.amazonaws.com                  | false
            app.github.io           | *.github.io                         | false
            mail.amazonaws.com      | *.amazonaws.com                     | true
            # IDNA2008 / UTS #46 non-transitional: ß, ς and joiners stay what they are (never IDNA2003's ss)
            straße.de               | xn--strae-oqa.de                    | true
            xn--strae-oqa.de        | xn--strae-oqa.de                    | true
            STRASSE.de              | xn--strae-oqa.de                    | false
            straße.de               | strasse.de                          | false
            mail.straße.de          | *.xn--strae-oqa.de                  | true
            xn--fa-hia.example      | xn--fa-hia.example                  | true
            faß.example             | fass.example                        | false
            r3---sn-abc.example     | r3---sn-abc.example                 | true
            # IDNs compare as A-labels (RFC 5890); SAN entries that are not A-label names never match
            bücher.example          | xn--bcher-kva.example               | true
            BÜCHER.example          | xn--bcher-kva.example               | true
            xn--bcher-kva.example   | xn--bcher-kva.example               | true
            shop.bücher.example     | *.xn--bcher-kva.example             | true
            bucher.example          | xn--bcher-kva.example               | false
            bücher.example          | bucher.example                      | false
            under-score.example     | under_score.example                 | false
            # a SAN in U-label form is not a valid dNSName (RFC 5280 §4.2.1.6: IA5String, A-labels) and never matches
            bücher.example          | bücher.example                      | false
            xn--bcher-kva.example   | bücher.example                      | false
            # a wildcard may stand for a whole A-label, never sit inside one (RFC 9525 §6.3)
            bücher.example.com      | *.example.com                       | true
            xn--bcher-kva.example   | xn--bcher*.example                  | false
            xn--bcher-kva.example   | *.example                           | false
            # the trailing dot is dropped from the reference only, also before wildcard matching
            foo.example.com.        | *.example.com                       | true
            foo.example.com         | *.example.com.                      | false
            # IP references match only IP entries, compared as addresses (RFC 9525 §6.4)
            192.0.2.7               | ip:192.0.2.7                        | true
            192.0.2.7               | ip:192.0.2.8                        | false
            192.0.2.7               | 192.0.2.7                           | false
            192.0.2.7               | *.0.2.7                             | false
            ::1                     | ip:0:0:0:0:0:0:0:1                  | true
            [::1]                   | ip:::1                              | true
            0:0:0:0:0:0:0:1         | ip:::1                              | true
            2001:db8::1             | ip:2001:DB8:0:0:0:0:0:1             | true
            2001:DB8::1             | ip:2001:db8::1                      | true
            2001:db8::2             | ip:2001:db8::1                      | false
            192.0.2.7               | ip:2001:db8::7 ip:192.0.2.77        | false
            mail.example.com        | ip:192.0.2.7                        | false
            192.0.2.1               | 192.0.2.1                           | false
            192.0.2.1.              | ip:192.0.2.1                        | true
            2001:db8:0:0:0:0:0:1    | ip:2001:db8::1                      | true
            2001:0db8:0000::0001    | ip:2001:db8::1                      | true
            [2001:db8::1]           | ip:2001:db8:0:0:0:0:0:1             | true
            2001:db8::1             | 2001:db8::1                         | false
            2001:db8::1             | ip:192.0.2.1                        | false
            # an IPv4-mapped IPv6 reference is 16 octets and an IPv4 entry 4: not equal (RFC 9525 §6.4)
            ::ffff:192.0.2.7        | ip:192.0.2.7                        | false
            """)
    void matchesAsRfc9525Says(String reference, String names, boolean expected) {
        NameMatch match = HostnameMatcher.match(reference, withNames(names));
        assertThat(match.matches()).as(match.reason()).isEqualTo(expected);
        assertThat(HostnameMatcher.covers(withNames(names), reference)).isEqualTo(expected);
    }

    @Test
    void commonNameIsNeverUsedEvenWithoutSans() {
        X509Certificate cnOnly =
                TestCertificates.leaf("mail.example.com").build().certificate();

        NameMatch match = HostnameMatcher.match("mail.example.com", cnOnly);

        assertThat(match.matches()).isFalse();
        assertThat(match.coveredNames()).isEmpty();
        assertThat(match.reason())
                .contains("no DNS names or IP addresses")
                .contains("CN 'mail.example.com' is never used");
    }

    @Test
    void commonNameIsNeverUsedBesideSans() {
        X509Certificate cert = TestCertificates.leaf("mail.example.com")
                .dns("www.example.com")
                .build()
                .certificate();

        assertThat(HostnameMatcher.covers(cert, "mail.example.com")).isFalse();
    }

    @Test
    void mismatchReasonListsCoveredNamesAndTheRuleForTheClosest() {
        NameMatch match =
                HostnameMatcher.match("mail.customer.example", withNames("*.webhost.example webhost.example"));

        assertThat(match.coveredNames()).containsExactly("*.webhost.example", "webhost.example");
        assertThat(match.reason())
                .startsWith("The certificate covers *.webhost.example and webhost.example;"
                        + " mail.customer.example is not one of them: a wildcard covers exactly one label");
    }

    @ParameterizedTest(name = "{0} vs [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            example.com       | *.example.com   | never covers the domain itself
            a.b.example.com   | *.example.com   | is 2 labels below example.com
            foo.example.com   | f*.example.com  | not a valid wildcard
            foo.com           | *.com           | too broad
            a.example         | a_b.example     | not a DNS name in A-label form
            bücher.example    | bücher.example  | not a DNS name in A-label form
            buzz.example.net  | b*z.example.net | not a valid wildcard
            192.0.2.1         | 192.0.2.1       | DNS names and wildcards never cover an address
            mail.example.com  | www.example.com | names a different host
            192.0.2.7         | *.example.com   | DNS names and wildcards never cover an address
            mail.example.com  | ip:192.0.2.7    | an IP address entry never covers a host name
            """)
    void mismatchReasonNamesTheRule(String reference, String names, String rule) {
        assertThat(HostnameMatcher.match(reference, withNames(names)).reason()).contains(rule);
    }

    @Test
    void matchReasonNamesTheEntry() {
        NameMatch match =
                HostnameMatcher.match("Srv12.Webhost.Example.", withNames("webhost.example *.webhost.example"));

        assertThat(match.matches()).isTrue();
        assertThat(match.reason())
                .isEqualTo(
                        "srv12.webhost.example is covered by the certificate entry *.webhost.example (a wildcard covers one label).");
    }

    @Test
    void unicodeReferenceIsShownInBothForms() {
        NameMatch match = HostnameMatcher.match("bücher.example", withNames("xn--bcher-kva.example"));

        assertThat(match.reason()).startsWith("xn--bcher-kva.example (bücher.example) is covered");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            under_score.example
            *.example.com
            a..example
            1.2.3
            ::g
            ''
            xn--zz.example
            xn--.example
            xn--strasse-.de
            bü_cher.example
            -mail.example.com
            mail.example.com..
            mail.exa mple.com
            192.0.2.256
            2001:db8::1::2
            fe80::1%lo
            ::1%25eth0
            """)
    void invalidReferenceIsBadInput(String reference) {
        X509Certificate cert = withNames("example.com");

        assertThatThrownBy(() -> HostnameMatcher.match(reference, cert)).isInstanceOf(BadInputException.class);
    }

    @Test
    void tenThousandSanEntriesAreHandledQuickly() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            names.add("host" + i + ".example.net");
        }
        X509Certificate cert = TestCertificates.leaf("big")
                .dns(names.toArray(String[]::new))
                .build()
                .certificate();

        long start = System.nanoTime();
        NameMatch hit = HostnameMatcher.match("host9999.example.net", cert);
        NameMatch miss = HostnameMatcher.match("mail.example.org", cert);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(hit.matches()).isTrue();
        assertThat(miss.matches()).isFalse();
        assertThat(miss.reason()).contains("and 9992 more names");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }
}
