package dev.mailcert.web.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(10, 3, now::get);

    @Test
    void aClientMayStartItsRateAtOnceThenWaits() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("a")).as("check " + i).isEmpty();
        }
        assertThat(limiter.acquire("a")).hasValue(Duration.ofSeconds(6)); // one check back every 6 s at 10 a minute
    }

    @Test
    void checksComeBackEvenlyOverAMinute() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("a");
        }
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(limiter.acquire("a")).hasValue(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.acquire("a")).isEmpty();
    }

    @Test
    void clientsAreCountedApart() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("a");
        }
        assertThat(limiter.acquire("a")).isPresent();
        assertThat(limiter.acquire("b")).isEmpty();
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentClient() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("a");
        }
        limiter.acquire("b");
        limiter.acquire("c");
        limiter.acquire("d"); // four clients, room for three: "a" is forgotten and starts full again
        assertThat(limiter.acquire("a")).isEmpty();
    }
}
