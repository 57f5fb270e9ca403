package dev.mailcert.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A value in a scenario file with its path ("servers[0].address"), for messages that name the field. */
record YamlField(String source, String path, JsonNode node) {

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    YamlField field(String name) {
        return new YamlField(source, path.isEmpty() ? name : path + "." + name, node == null ? null : node.get(name));
    }

    /** Fails on any field outside the allowed ones (catches typos such as "adress"). */
    void allowOnly(Set<String> allowed) {
        requireMapping();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw field(name)
                        .invalid("unknown field (expected one of: "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    String text() {
        if (!present()) {
            throw invalid("missing (required)");
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw invalid("expected text");
        }
        String text = node.asText().strip();
        if (text.isEmpty()) {
            throw invalid("must not be empty");
        }
        return text;
    }

    Optional<String> optionalText() {
        return present() ? Optional.of(text()) : Optional.empty();
    }

    boolean bool(boolean fallback) {
        if (!present()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw invalid("expected true or false, got '" + node.asText() + "'");
        }
        return node.booleanValue();
    }

    int integer(int fallback) {
        if (!present()) {
            return fallback;
        }
        if (!node.isInt()) {
            throw invalid("expected a whole number, got '" + node.asText() + "'");
        }
        return node.intValue();
    }

    /** Converts the text, turning a converter's IllegalArgumentException into a message naming this field. */
    <T> T as(Function<String, T> converter) {
        String text = text();
        try {
            return converter.apply(text);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    List<YamlField> list() {
        if (!present()) {
            throw invalid("missing (required)");
        }
        if (!node.isArray()) {
            throw invalid("expected a list");
        }
        List<YamlField> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new YamlField(source, path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    /** The entries of a mapping in file order; absent means empty. */
    Map<String, YamlField> entries() {
        Map<String, YamlField> entries = new LinkedHashMap<>();
        if (!present()) {
            return entries;
        }
        requireMapping();
        node.fieldNames().forEachRemaining(name -> entries.put(name, field(name)));
        return entries;
    }

    private void requireMapping() {
        if (!present() || !node.isObject()) {
            throw invalid("expected a mapping of fields");
        }
    }

    IllegalArgumentException invalid(String problem) {
        String where = path.isEmpty() ? source : source + ": " + path;
        return new IllegalArgumentException(
                where + ": " + problem.lines().findFirst().orElse("invalid"));
    }
}
