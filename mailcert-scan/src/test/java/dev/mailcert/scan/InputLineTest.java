package dev.mailcert.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputLineTest {

    @ParameterizedTest(name = "[{0}] is skipped")
    @ValueSource(strings = {"", "   ", "\t", "# a comment", "   # indented comment, with,commas"})
    void parse_emptyAndCommentLines_areSkipped(String line) {
        assertThat(InputLine.parse(1, line)).isInstanceOf(InputLine.Skip.class);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "customer.example                               | customer.example",
                "  Customer.Example.                            | customer.example",
                "alice@customer.example                         | alice@customer.example",
                "Alice@CUSTOMER.example                         | alice@customer.example",
                "customer.example,mail.customer.example         | customer.example,mail.customer.example",
                " customer.example , MAIL.Customer.Example.     | customer.example,mail.customer.example",
                "alice@customer.example,mail.customer.example   | alice@customer.example,mail.customer.example",
            })
    void parse_validLines_keyedCaseInsensitivelyWithoutTrailingDot(String line, String key) {
        assertThat(InputLine.parse(7, line)).isInstanceOfSatisfying(InputLine.Valid.class, v -> {
            assertThat(v.target().key()).isEqualTo(key);
            assertThat(v.target().line()).isEqualTo(7);
        });
    }

    @ParameterizedTest(name = "[{0}]: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a.example,b.example,c.example       | found 3 fields",
                "not-an-address@                     | not an email address or a domain",
                "nodot                               | not a mail domain",
                "',mail.customer.example'            | the TARGET field is empty",
                "'customer.example,'                 | the SERVER field is empty",
                "customer.example,bad_name!          | SERVER: not a valid host name",
                "customer.example,192.0.2.7          | SERVER: an IP address is not a host name",
            })
    void parse_badLines_sayWhy(String line, String reason) {
        assertThat(InputLine.parse(3, line)).isInstanceOfSatisfying(InputLine.Bad.class, b -> {
            assertThat(b.line()).isEqualTo(3);
            assertThat(b.reason()).contains(reason);
        });
    }

    @Test
    void parse_anAddressAndItsDomainAreDifferentTargets() {
        assertThat(key("alice@customer.example")).isNotEqualTo(key("customer.example"));
        assertThat(key("customer.example,mail.customer.example")).isNotEqualTo(key("customer.example"));
    }

    @Test
    void reader_boundsEachLineAndKnowsEveryLineEnding() throws Exception {
        String longLine = "x".repeat(InputReader.MAX_LINE + 10);
        InputReader reader =
                new InputReader(new StringReader("a.example\r\nb.example\rc.example\n" + longLine + "\nlast"));
        List<InputReader.Line> lines = new ArrayList<>();
        for (Optional<InputReader.Line> l = reader.next(); l.isPresent(); l = reader.next()) {
            lines.add(l.get());
        }
        assertThat(lines).extracting(InputReader.Line::text).startsWith("a.example", "b.example", "c.example");
        assertThat(lines.get(3).tooLong()).isTrue();
        assertThat(lines.get(3).text()).hasSize(InputReader.MAX_LINE);
        assertThat(lines.get(4)).isEqualTo(new InputReader.Line(5, "last", false));
    }

    private static String key(String line) {
        return ((InputLine.Valid) InputLine.parse(1, line)).target().key();
    }
}
