package dev.mailcert.report;

import static dev.mailcert.advise.Diagnoses.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.advise.Advisor;
import dev.mailcert.advise.Diagnoses;
import dev.mailcert.diagnose.Diagnosis;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The report for a person: verdict first, then what to type, then why; colours only when asked. */
class TextReportTest {

    private static String render(Diagnosis d, Style style) {
        return TextReport.render(d, Advisor.advise(d), style);
    }

    @Test
    void fixable_startsWithTheVerdictThenTheSettingsToType() {
        Diagnosis d = Diagnoses.of(
                "imap=hostname-mismatch pop3=hostname-mismatch smtp=hostname-mismatch",
                candidate(
                        "srv12.webhost.example", "ptr forward-confirmed san-wildcard same-provider", "imap pop3 smtp"));
        String report = render(d, Style.PLAIN);
        assertThat(report)
                .startsWith("FIXABLE  The certificate does not match mail.customer.example. Use srv12.webhost.example");
        assertThat(report)
                .containsPattern("IMAP \\(incoming\\)\\s+server srv12.webhost.example\\s+port 993\\s+security SSL/TLS")
                .containsPattern("SMTP \\(outgoing\\)\\s+server srv12.webhost.example\\s+port 465\\s+security SSL/TLS")
                .contains("(was mail.customer.example)")
                .contains("only the server name changes");
        assertThat(report.indexOf("Settings")).isLessThan(report.indexOf("Why")).isLessThan(report.indexOf("Details"));
    }

    @Test
    void ok_keepsTheNameAndDoesNotSayItChanges() {
        String report = render(Diagnoses.of("imap=valid pop3=valid smtp=valid"), Style.PLAIN);
        assertThat(report).startsWith("OK  mail.customer.example already has a valid certificate");
        assertThat(report)
                .doesNotContain("only the server name changes")
                .doesNotContain("(was ")
                .contains("The server name is right as it is");
    }

    @Test
    void unfixable_saysWhatToAskTheProviderAndGivesNoSettings() {
        String report = render(Diagnoses.of("imap=self-signed pop3=self-signed smtp=self-signed"), Style.PLAIN);
        assertThat(report)
                .startsWith("UNFIXABLE")
                .contains("What to ask your provider")
                .doesNotContain("Settings to type");
    }

    @Test
    void colours_onlyWhenTheStyleAsksForThem() {
        Diagnosis d = Diagnoses.of("imap=valid");
        assertThat(render(d, Style.PLAIN)).doesNotContain("\u001b[");
        assertThat(render(d, new Style(true))).startsWith("\u001b[32;1mOK\u001b[0m");
    }

    @Test
    void numbers_areWrittenTheSameUnderEveryDefaultLocale() {
        Diagnosis d = Diagnoses.of("imap=valid");
        Diagnosis took = new Diagnosis(
                d.request(),
                d.settings(),
                d.server(),
                d.serverSource(),
                d.dns(),
                d.discovery(),
                d.endpoints(),
                d.candidates(),
                d.relays(),
                d.refused(),
                d.notes(),
                Duration.ofMillis(1500));
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(render(took, Style.PLAIN)).contains("Checked in 1.5 s.").doesNotContain("1,5");
        } finally {
            Locale.setDefault(before);
        }
    }
}
