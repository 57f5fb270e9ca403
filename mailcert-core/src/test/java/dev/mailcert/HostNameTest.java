package dev.mailcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.IDNA;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # UTS #46 non-transitional processing (IDNA2008): ß, ς, ZWJ and ZWNJ are kept, never mapped
            straße.de              | xn--strae-oqa.de
            xn--strae-oqa.de       | xn--strae-oqa.de
            XN--STRAE-OQA.DE       | xn--strae-oqa.de
            Straße.DE.             | xn--strae-oqa.de
            faß.example            | xn--fa-hia.example
            βόλος.example          | xn--nxasmm1c.example
            bücher.example         | xn--bcher-kva.example
            ÉCOLE.example          | xn--cole-9oa.example
            mail.example.com       | mail.example.com
            MAIL.Example.COM.      | mail.example.com
            r3---sn-abc.example    | r3---sn-abc.example
            """)
    void parseGivesIdna2008ALabels(String typed, String expected) {
        assertThat(HostName.parse(typed).value()).isEqualTo(expected);
    }

    /** What a normalised host name is, against the pattern it is the loop of: [a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])? per label. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "a",
                "a.b",
                "mail.example.com",
                "0.9",
                "r3---sn-abc.example",
                "xn--strae-oqa.de",
                "-a",
                "a-",
                "a..b",
                ".a",
                "a.",
                "A.example",
                "a_b.example",
                "a b",
                "mail.exämple",
                "a-.b",
                "a.-b",
                "-",
                ".",
                "..",
                "*.example"
            })
    void isValidIsTheLdhPatternPerLabel(String name) {
        Pattern label = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
        boolean expected = Arrays.stream(name.split("\\.", -1))
                .allMatch(l -> label.matcher(l).matches());

        assertThat(HostName.isValid(name)).isEqualTo(expected);
    }

    @Test
    void isValidCountsLengths() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));

        assertThat(HostName.isValid(label63 + ".example")).isTrue();
        assertThat(HostName.isValid(label63 + "a.example")).isFalse();
        assertThat(name253).hasSize(253);
        assertThat(HostName.isValid(name253)).isTrue();
        assertThat(HostName.isValid(name253 + "d")).isFalse();
        assertThat(HostName.isValid("")).isFalse();
        assertThat(HostName.isValid(null)).isFalse();
    }

    /** Plain ASCII names skip ICU; what they become must be exactly what UTS #46 makes of them. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "mail.example.com",
                "MAIL.Example.COM",
                "Mail.Customer.Example.",
                "r3---sn-abc.example",
                "a.b",
                "0mail.9example",
                "x.example", // one letter labels
                "xn.example", // "xn" without the two hyphens is an LDH label like any other
                "xna--b.example",
                "mail.xnexample",
                "a123456789012345678901234567890123456789012345678901234567890bc.example" // 63
            })
    void asciiNamesBecomeWhatUts46MakesOfThem(String typed) {
        IDNA uts46 = IDNA.getUTS46Instance(
                IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.USE_STD3_RULES | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        String name = typed.endsWith(".") ? typed.substring(0, typed.length() - 1) : typed;
        uts46.nameToASCII(name, ascii, info);

        assertThat(info.getErrors()).isSubsetOf(IDNA.Error.HYPHEN_3_4);
        assertThat(HostName.parse(typed).value()).isEqualTo(ascii.toString().toLowerCase(Locale.ROOT));
        assertThat(HostName.parse(typed).unicode())
                .isEqualTo(HostName.parse(typed).value());
    }

    @ParameterizedTest(name = "{0} shown as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            xn--strae-oqa.de       | straße.de
            xn--bcher-kva.example  | bücher.example
            mail.example.com       | mail.example.com
            """)
    void unicodeIsShownForPeople(String name, String unicode) {
        assertThat(HostName.parse(name).unicode()).isEqualTo(unicode);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            xn--zz.example         | invalid IDN label xn--zz
            xn--strasse-.de        | invalid IDN label xn--strasse-
            bad_name.example       | Contains non-LDH ASCII characters
            a..example             | empty label
            -mail.example          | starts with a hyphen
            mail-.example          | ends with a hyphen
            bü_cher.example        | not a valid host name
            ‮mail.example          | not a valid host name
            192.0.2.1              | an IP address is not a host name
            """)
    void invalidNamesAreOneLineOfBadInput(String typed, String reason) {
        assertThatThrownBy(() -> HostName.parse(typed))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
