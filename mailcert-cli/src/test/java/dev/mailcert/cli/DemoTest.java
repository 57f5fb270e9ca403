package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The demo is the first thing a newcomer runs: it must show the fix for the seed case. */
class DemoTest {

    @Test
    void demoJson_reportsFixableWithAVerifiedRecommendationPerProtocol() throws Exception {
        Run run = Run.of("demo", "--json");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("schema").asText()).isEqualTo("mailcert.check/1");
        assertThat(json.get("verdict").asText()).isEqualTo("fixable");
        assertThat(json.get("server").asText()).isEqualTo("mail.customer.example");
        assertThat(json.get("recommendations")).hasSize(3);
        for (JsonNode r : json.get("recommendations")) {
            assertThat(r.get("verified").asBoolean()).isTrue();
            assertThat(r.get("host").asText()).isEqualTo("srv12.webhost.example");
            assertThat(r.get("evidence")).isNotEmpty();
            assertThat(r.get("security").asText()).isEqualTo("tls");
        }
        assertThat(json.get("endpoints")).anySatisfy(e -> {
            assertThat(e.get("host").asText()).isEqualTo("mail.customer.example");
            assertThat(e.get("problems").get(0).asText()).isEqualTo("hostname-mismatch");
        });
        assertThat(json.get("candidates"))
                .anySatisfy(c -> assertThat(c.get("verified").asBoolean()).isTrue());
        // the domain's own autoconfig file leads Thunderbird to the name that warns
        assertThat(json.get("discovery")).anySatisfy(p -> {
            assertThat(p.get("source").asText()).isEqualTo("autoconfig");
            assertThat(p.get("outcome").asText()).isEqualTo("found");
            assertThat(p.get("servers")).allSatisfy(s -> {
                assertThat(s.get("host").asText()).isEqualTo("mail.customer.example");
                assertThat(s.get("warns").asBoolean()).isTrue();
            });
        });
    }

    @Test
    void demoText_putsTheVerdictFirstAndTheSettingsToTypeNext() {
        Run run = Run.of("demo");
        String report = run.out().substring(run.out().indexOf("FIXABLE"));
        assertThat(report).startsWith("FIXABLE");
        assertThat(report).contains("Settings to type into your mail client");
        assertThat(report)
                .containsPattern(
                        "IMAP \\(incoming\\)\\s+server srv12.webhost.example\\s+port 10993\\s+security SSL/TLS");
        assertThat(report).containsPattern("SMTP \\(outgoing\\)\\s+server srv12.webhost.example\\s+port 10465");
        assertThat(report.indexOf("Why")).isGreaterThan(report.indexOf("Settings"));
        assertThat(report.indexOf("Details")).isGreaterThan(report.indexOf("Why"));
        assertThat(report).doesNotContain("\u001b[");
    }
}
