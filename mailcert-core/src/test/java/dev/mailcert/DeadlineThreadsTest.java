package dev.mailcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeadlineThreadsTest {

    @Test
    void await_aTaskAnotherWaiterCancelled_givesTheFallbackInsteadOfThrowing() {
        try (DeadlineThreads threads = new DeadlineThreads(Deadline.after(Duration.ofSeconds(5)), note -> {})) {
            Future<String> shared = threads.submit(() -> {
                new CountDownLatch(1).await();
                return "never";
            });
            shared.cancel(true);

            assertThat(threads.await(shared, () -> "fallback")).isEqualTo("fallback");
        }
    }

    @Test
    void await_aTaskPastTheDeadline_givesTheFallbackAndCancelsIt() {
        try (DeadlineThreads threads = new DeadlineThreads(Deadline.after(Duration.ofMillis(50)), note -> {})) {
            Future<String> stuck = threads.submit(() -> {
                new CountDownLatch(1).await();
                return "never";
            });

            assertThat(threads.await(stuck, () -> "timeout")).isEqualTo("timeout");
            assertThat(stuck.isCancelled()).isTrue();
        }
    }

    @Test
    void await_aTaskThatFailed_givesTheFallbackAndANoteWithoutControlCharacters() {
        List<String> notes = new ArrayList<>();
        try (DeadlineThreads threads = new DeadlineThreads(Deadline.after(Duration.ofSeconds(5)), notes::add)) {
            Future<String> failing = threads.submit(() -> {
                throw new IllegalStateException("bad\u001b[2Jreply");
            });

            assertThat(threads.await(failing, () -> "fallback")).isEqualTo("fallback");
        }
        assertThat(notes)
                .singleElement()
                .asString()
                .startsWith("internal error in one step: ")
                .doesNotContain("\u001b");
    }

    @Test
    void awaitAll_keepsTheOrderAndLeavesOutWhatDidNotArrive() {
        try (DeadlineThreads threads = new DeadlineThreads(Deadline.after(Duration.ofMillis(200)), note -> {})) {
            Map<String, Future<String>> futures = new LinkedHashMap<>();
            futures.put("b", threads.submit(() -> "second"));
            futures.put("stuck", threads.submit(() -> {
                new CountDownLatch(1).await();
                return "never";
            }));
            futures.put("a", threads.submit(() -> "first"));

            assertThat(threads.awaitAll(futures)).containsExactly(Map.entry("b", "second"), Map.entry("a", "first"));
        }
    }
}
