package dev.mailcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrintableTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("srv12.webhost.example", "srv12.webhost.example"),
                Arguments.of("evil" + (char) 0x1b + "[31mred", "evil\\u001b[31mred"),
                Arguments.of("two\nlines", "two\\u000alines"),
                Arguments.of("rtl" + (char) 0x202e + "example", "rtl\\u202eexample"),
                Arguments.of("bücher.example", "bücher.example"),
                Arguments.of("back\\slash", "back\\slash"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("cases")
    void of_escapesWhatATerminalWouldInterpret(String raw, String shown) {
        assertThat(Printable.of(raw)).isEqualTo(shown);
    }

    @Test
    void of_isIdempotent() {
        String once = Printable.of("a\u0007b\u001bc\\d");
        assertThat(Printable.of(once)).isEqualTo(once);
    }

    @Test
    void of_boundsTheLength() {
        assertThat(Printable.of("x".repeat(10_000))).hasSizeLessThan(310).endsWith("...");
    }
}
