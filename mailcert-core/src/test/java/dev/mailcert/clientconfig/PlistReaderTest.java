package dev.mailcert.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlistReaderTest {
    static byte[] plist(String value) {
        return ("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            """ + value + "\n</plist>\n").getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> dict(Object value) {
        return (Map<Object, Object>) value;
    }

    @Test
    void reads_every_value_type_in_order() {
        Object root = PlistReader.parse(plist("""
            <dict>
              <key>z string</key><string>a &amp; b</string>
              <key>integer</key><integer>-42</integer>
              <key>real</key><real>2.5</real>
              <key>yes</key><true/>
              <key>no</key><false/>
              <key>date</key><date>2025-01-02T03:04:05Z</date>
              <key>data</key><data>
                aGVs
                bG8=
              </data>
              <key>array</key><array><string/><array/><dict/></array>
            </dict>"""));

        assertThat(root).isInstanceOf(java.util.LinkedHashMap.class);
        Map<Object, Object> dict = dict(root);
        assertThat(dict.keySet()).containsExactly("z string", "integer", "real", "yes", "no", "date", "data", "array");
        assertThat(dict.get("z string")).isEqualTo("a & b");
        assertThat(dict.get("integer")).isEqualTo(-42L);
        assertThat(dict.get("real")).isEqualTo(2.5);
        assertThat(dict.get("yes")).isEqualTo(true);
        assertThat(dict.get("no")).isEqualTo(false);
        assertThat(dict.get("date")).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat((byte[]) dict.get("data"))
                .asString(StandardCharsets.US_ASCII)
                .isEqualTo("hello");
        assertThat(dict.get("array")).isEqualTo(List.of("", List.of(), Map.of()));
    }

    @Test
    void a_property_list_without_doctype_is_read_too() {
        assertThat(PlistReader.parse("<plist><integer>7</integer></plist>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(7L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not a plist     | <html/>                                                  | the document is <html>, not a <plist>",
                "empty plist     | <plist></plist>                                          | <plist> holds no value",
                "two values      | <plist><true/><false/></plist>                           | <plist> holds more than one value",
                "unknown element | <plist><set/></plist>                                    | <set> is not a property list value",
                "bad integer     | <plist><integer>abc</integer></plist>                    | integer \"abc\" is not a whole number",
                "huge integer    | <plist><integer>99999999999999999999</integer></plist>   | integer \"99999999999999999999\" is not a whole number",
                "bad real        | <plist><real>x</real></plist>                            | real \"x\" is not a number",
                "bad date        | <plist><date>yesterday</date></plist>                    | date \"yesterday\" is not an ISO 8601 instant",
                "bad data        | <plist><data>***</data></plist>                          | data is not Base64",
                "text in true    | <plist><true>no</true></plist>                           | <true/> must be empty",
                "dict without key| <plist><dict><string>v</string></dict></plist>           | <dict> has <string> where a <key> belongs",
                "key alone       | <plist><dict><key>k</key></dict></plist>                 | key \"k\" has no value",
                "key twice       | <plist><dict><key>k</key><true/><key>k</key><false/></dict></plist> | key \"k\" appears twice",
            })
    void wrong_shapes_are_rejected_clearly(String name, String xml, String problem) {
        assertThatThrownBy(() -> PlistReader.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClientConfigException.class)
                .hasMessageStartingWith("property list: " + problem + " (line 1, column");
    }

    @Test
    void nesting_deeper_than_32_levels_is_rejected() {
        String deep = "<array>".repeat(33) + "</array>".repeat(33);

        assertThatThrownBy(() -> PlistReader.parse(plist(deep)))
                .isInstanceOf(ClientConfigException.class)
                .hasMessageStartingWith("property list: values are nested deeper than 32 levels");
        assertThat(PlistReader.parse(plist("<array>".repeat(32) + "</array>".repeat(32))))
                .isInstanceOf(List.class);
    }

    @Test
    void more_than_65536_values_are_rejected() {
        String many = "<array>" + "<true/>".repeat(PlistReader.MAX_VALUES) + "</array>";

        assertThatThrownBy(() -> PlistReader.parse(plist(many)))
                .isInstanceOf(ClientConfigException.class)
                .hasMessageStartingWith("property list: more than 65536 values");
    }
}
