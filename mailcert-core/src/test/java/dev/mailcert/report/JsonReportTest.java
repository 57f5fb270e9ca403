package dev.mailcert.report;

import static dev.mailcert.advise.Diagnoses.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.advise.Advisor;
import dev.mailcert.advise.Diagnoses;
import dev.mailcert.diagnose.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed fields of schema mailcert.check/1 (docs/json.md): present, named and typed exactly so. */
class JsonReportTest {

    private static JsonNode json() throws Exception {
        Diagnosis d = Diagnoses.of(
                "imap=hostname-mismatch pop3=refused smtp=hostname-mismatch",
                candidate("srv12.webhost.example", "ptr forward-confirmed san-wildcard same-provider", "imap smtp"));
        return new ObjectMapper().readTree(JsonReport.render(d, Advisor.advise(d)));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void root_hasTheFixedFieldsFirstInTheirOrder() throws Exception {
        JsonNode root = json();
        assertThat(keys(root))
                .startsWith(
                        "schema",
                        "target",
                        "domain",
                        "server",
                        "verdict",
                        "recommendations",
                        "endpoints",
                        "candidates");
        assertThat(root.get("schema").asText()).isEqualTo("mailcert.check/1");
        assertThat(root.get("target").asText()).isEqualTo("alice@customer.example");
        assertThat(root.get("domain").asText()).isEqualTo("customer.example");
        assertThat(root.get("server").asText()).isEqualTo("mail.customer.example");
        assertThat(root.get("verdict").asText()).isEqualTo("fixable");
    }

    @Test
    void recommendation_hasExactlyTheFixedFields() throws Exception {
        JsonNode r = json().get("recommendations").get(0);
        assertThat(keys(r))
                .containsExactly("protocol", "host", "port", "security", "verified", "confidence", "evidence");
        assertThat(r.get("protocol").asText()).isEqualTo("imap");
        assertThat(r.get("port").isInt()).isTrue();
        assertThat(r.get("security").asText()).isEqualTo("tls");
        assertThat(r.get("verified").isBoolean()).isTrue();
        assertThat(r.get("confidence").asText()).isEqualTo("high");
        assertThat(r.get("evidence"))
                .extracting(JsonNode::asText)
                .containsExactly("ptr", "forward-confirmed", "san-wildcard", "same-provider");
    }

    @Test
    void endpoint_withAHandshakeCarriesTlsCertificateAndProblems() throws Exception {
        JsonNode e = json().get("endpoints").get(0);
        assertThat(keys(e))
                .startsWith(
                        "protocol",
                        "host",
                        "address",
                        "port",
                        "security",
                        "sni",
                        "outcome",
                        "tls",
                        "certificate",
                        "problems");
        assertThat(keys(e.get("tls"))).containsExactly("version", "cipher");
        assertThat(keys(e.get("certificate")))
                .contains("subject", "issuer", "dnsNames", "notBefore", "notAfter", "sha256");
        assertThat(e.get("outcome").asText()).isEqualTo("handshake");
        assertThat(e.get("problems")).extracting(JsonNode::asText).containsExactly("hostname-mismatch");
    }

    @Test
    void endpoint_withoutAHandshakeHasNoCertificate() throws Exception {
        JsonNode refused = null;
        for (JsonNode e : json().get("endpoints")) {
            if (e.get("outcome").asText().equals("refused")) {
                refused = e;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.has("certificate")).isFalse();
        assertThat(refused.has("tls")).isFalse();
    }

    @Test
    void candidate_hasTheFixedFields() throws Exception {
        JsonNode c = json().get("candidates").get(0);
        assertThat(keys(c)).startsWith("host", "addresses", "sameServer", "evidence", "verified");
        assertThat(c.get("sameServer").asBoolean()).isTrue();
        assertThat(c.get("verified").asBoolean()).isTrue();
    }
}
