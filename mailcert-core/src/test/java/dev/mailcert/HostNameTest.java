package dev.mailcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
