package dev.mailcert.web.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckGateTest {

    @Test
    void beyondTheRunningAndTheQueueARequestIsTurnedAwayAtOnce() throws Exception {
        CheckGate gate = new CheckGate(1, 1, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> running = threads.submit(() -> gate.run(() -> {
                started.countDown();
                await(release);
                return "first";
            }));
            started.await();
            Future<String> queued = threads.submit(() -> gate.run(() -> "second"));
            Thread.sleep(200); // the second is waiting now

            long t0 = System.nanoTime();
            assertThatThrownBy(() -> gate.run(() -> "third")).isInstanceOf(CheckGate.Busy.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));

            release.countDown();
            assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        }
    }

    @Test
    void aQueuedRequestGivesUpAfterItsWait() throws Exception {
        CheckGate gate = new CheckGate(1, 4, Duration.ofMillis(300));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> gate.run(() -> {
                started.countDown();
                await(release);
                return "first";
            }));
            started.await();
            assertThatThrownBy(() -> gate.run(() -> "second"))
                    .isInstanceOf(CheckGate.Busy.class)
                    .hasMessageContaining("none finished");
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
