package dev.mailcert.clientconfig;

import java.util.List;
import java.util.Map;

/**
 * Writes Apple's XML property list format (PropertyList-1.0.dtd) from maps, lists, strings,
 * integers and booleans: the value types a configuration profile uses. Keys keep the map's order.
 */
final class PropertyListWriter {
    static final String DOCTYPE = "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
            + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">";

    private PropertyListWriter() {}

    static String write(Map<String, ?> root, String format) {
        IndentedXml xml = new IndentedXml(format).doctype(DOCTYPE);
        xml.start("plist").attribute("version", "1.0");
        value(xml, root);
        return xml.end().finish();
    }

    private static void value(IndentedXml xml, Object value) {
        switch (value) {
            case Map<?, ?> dict -> {
                xml.start("dict");
                dict.forEach((key, entry) -> {
                    xml.leaf("key", (String) key);
                    value(xml, entry);
                });
                xml.end();
            }
            case List<?> array -> {
                xml.start("array");
                array.forEach(entry -> value(xml, entry));
                xml.end();
            }
            case String string -> xml.leaf("string", string);
            case Integer number -> xml.leaf("integer", number.toString());
            case Long number -> xml.leaf("integer", number.toString());
            case Boolean bool -> xml.empty(bool ? "true" : "false");
            default -> throw new IllegalArgumentException("no property list type for " + value.getClass());
        }
    }
}
