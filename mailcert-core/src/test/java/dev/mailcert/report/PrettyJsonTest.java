package dev.mailcert.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrettyJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"a\":[]}",
                "{\"a\":{}}",
                "{\"schema\":\"mailcert.check/1\",\"port\":993,\"elapsedMs\":1234567890123,\"verified\":true}",
                "{\"warns\":null,\"ok\":false,\"n\":-1,\"list\":[\"x\",\"y\"],\"nested\":[{\"a\":[{}],\"b\":[[]]}]}",
                "{\"text\":\"quote \\\" backslash \\\\ tab \\t newline \\n nul \\u0000 del \\u007f\"}",
                "{\"unicode\":\"straße, 例え.テスト, \\ud83d\\udce7, \\u2028\"}",
                "{\"duplicate order\":1,\"a\":2,\"Z\":3}"
            })
    void writesWhatObjectMapperWithIndentOutputWrites(String json) throws Exception {
        JsonNode tree = MAPPER.readTree(json);

        assertThat(PrettyJson.write(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
        assertThat(PrettyJson.write(tree)).isEqualTo(tree.toPrettyString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"ratio\":0.5}", "{\"big\":1e400}"})
    void refusesWhatItDoesNotWrite(String json) throws Exception {
        JsonNode tree = MAPPER.readTree(json);

        assertThatThrownBy(() -> PrettyJson.write(tree)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTheNodesTheReportsBuild() throws Exception {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("sni", (String) null);
        root.put("port", 465);
        root.put("elapsedMs", 12L);
        root.putArray("empty");
        root.putObject("tls").put("version", "TLSv1.3");

        assertThat(PrettyJson.write(root)).isEqualTo(MAPPER.writeValueAsString(root));
    }
}
