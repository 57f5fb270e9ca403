package dev.mailcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineTest {

    @ParameterizedTest(name = "{0} s left over {1} parts: at most {2} ms each")
    @CsvSource(textBlock = """
            10, 1, 10000
            10, 2, 5000
            10, 3, 3334
            10, 0, 10000
            10, -4, 10000
            0, 2, 0
            -5, 2, 0
            """)
    void theTimeLeftIsSharedOutEvenly(long secondsLeft, int parts, long atMostMillis) {
        Deadline deadline = Deadline.after(Duration.ofSeconds(secondsLeft));

        Duration share = deadline.remainingShare(parts);

        assertThat(share).isBetween(Duration.ZERO, Duration.ofMillis(atMostMillis));
        assertThat(share).isGreaterThanOrEqualTo(Duration.ofMillis(Math.max(0, atMostMillis - 1000)));
    }
}
