package dev.mailcert.lab.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTimeTest {

    @ParameterizedTest(name = "''{0}'' is {1} ms")
    @CsvSource({
        "40ms,    40",
        "0,       0",
        "0ms,     0",
        "250,     250",
        "1s,      1000",
        "' 80 ms ', 80",
        "10000ms, 10000",
        "10s,     10000",
    })
    void parse_readsMillisecondsOrSeconds(String text, long millis) {
        RoundTripTime rtt = RoundTripTime.parse(text);
        assertThat(rtt.value()).isEqualTo(Duration.ofMillis(millis));
        assertThat(rtt.oneWay()).isEqualTo(Duration.ofMillis(millis).dividedBy(2));
        assertThat(rtt.isZero()).isEqualTo(millis == 0);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "fast", "-40ms", "40us", "4.5ms", "11s", "10001ms", "40 ms extra", "999999999ms"})
    void parse_refusesAnythingElseWithOneLine(String text) {
        assertThatThrownBy(() -> RoundTripTime.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round-trip time")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {-1, 10_001})
    void constructor_refusesNegativeAndAbsurdTimes(long millis) {
        assertThatThrownBy(() -> new RoundTripTime(Duration.ofMillis(millis)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
