package dev.mailcert.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlReportTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "<script>alert(1)</script> | &lt;script&gt;alert(1)&lt;/script&gt;",
                "\"><img src=x onerror=y>   | &quot;&gt;&lt;img src=x onerror=y&gt;",
                "a & b                      | a &amp; b",
                "it's                       | it&#39;s",
                "srv1.webhost.example       | srv1.webhost.example",
            })
    void escape_textAndAttributes(String raw, String escaped) {
        assertThat(HtmlReport.escape(raw)).isEqualTo(escaped);
    }
}
