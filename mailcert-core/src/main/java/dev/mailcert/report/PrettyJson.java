package dev.mailcert.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a tree of plain JSON values (objects, arrays, strings, integers, booleans, nulls) the
 * way {@code ObjectMapper} with {@code INDENT_OUTPUT} does, byte for byte, with jackson-core's
 * streaming generator alone. Building an ObjectMapper costs a one-shot command about 20 ms of CPU
 * (its date formats, introspectors and caches), none of which a tree of plain values needs.
 */
final class PrettyJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PrettyJson() {}

    static String write(JsonNode tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            value(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string never fails", e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    value(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    value(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                if (!node.canConvertToExactIntegral()) {
                    throw new IllegalArgumentException("only integers are written: " + node);
                }
                g.writeNumber(node.longValue());
            }
            default -> throw new IllegalArgumentException("not a plain JSON value: " + node.getNodeType());
        }
    }
}
