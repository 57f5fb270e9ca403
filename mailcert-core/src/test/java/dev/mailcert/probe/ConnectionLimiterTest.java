package dev.mailcert.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.Deadline;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
    private static final Endpoint IMAPS = new Endpoint(Protocol.IMAP, 993, Security.TLS);

    /** A prober that counts how many calls are inside it at once, per address, and holds each call a moment. */
    private static final class CountingProber implements Prober {
        final ConcurrentHashMap<InetAddress, AtomicInteger> active = new ConcurrentHashMap<>();
        final ConcurrentHashMap<InetAddress, Integer> peak = new ConcurrentHashMap<>();
        final AtomicInteger peakOverall = new AtomicInteger();
        final AtomicInteger overall = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ProbeResult probe(InetAddress address, Endpoint endpoint, String sni, Deadline deadline) {
            calls.incrementAndGet();
            int now = active.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
            peak.merge(address, now, Math::max);
            peakOverall.accumulateAndGet(overall.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                overall.decrementAndGet();
                active.get(address).decrementAndGet();
            }
            return new ProbeResult(address, endpoint, sni, Outcome.REFUSED, Optional.empty(), "fake", Duration.ZERO);
        }
    }

    @Test
    void neverMoreThanNAtOnceToOneAddress_andNoFewerWhenBusy() throws Exception {
        CountingProber counting = new CountingProber();
        Prober limited = new ConnectionLimiter(3).wrap(counting);
        InetAddress address = InetAddress.getByName("127.0.0.7");

        runConcurrently(40, i -> limited.probe(address, IMAPS, "mail.example", Deadline.after(Duration.ofSeconds(30))));

        assertThat(counting.calls).hasValue(40);
        assertThat(counting.peak.get(address)).isEqualTo(3);
    }

    @Test
    void addressesHaveSeparateLimits() throws Exception {
        CountingProber counting = new CountingProber();
        Prober limited = new ConnectionLimiter(1).wrap(counting);
        InetAddress first = InetAddress.getByName("127.0.0.8");
        InetAddress second = InetAddress.getByName("127.0.0.9");

        runConcurrently(
                20,
                i -> limited.probe(i % 2 == 0 ? first : second, IMAPS, null, Deadline.after(Duration.ofSeconds(30))));

        assertThat(counting.peak.get(first)).isEqualTo(1);
        assertThat(counting.peak.get(second)).isEqualTo(1);
        assertThat(counting.peakOverall.get()).isEqualTo(2);
    }

    @Test
    void waitingForASlot_endsAsTimeoutAtTheDeadline_withoutProbing() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Prober limited = new ConnectionLimiter(1).wrap((address, endpoint, sni, deadline) -> {
            calls.incrementAndGet();
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ProbeResult(address, endpoint, sni, Outcome.REFUSED, Optional.empty(), "fake", Duration.ZERO);
        });
        InetAddress address = InetAddress.getByName("127.0.0.10");
        Thread holder = Thread.ofVirtual()
                .start(() -> limited.probe(address, IMAPS, null, Deadline.after(Duration.ofSeconds(30))));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        ProbeResult waited = limited.probe(address, IMAPS, "mail.example", Deadline.after(Duration.ofMillis(300)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        release.countDown();
        holder.join(Duration.ofSeconds(5));
        assertThat(waited.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(waited.detail()).contains("waiting for a free connection slot");
        assertThat(waited.sni()).isEqualTo("mail.example");
        assertThat(took)
                .isBetween(Duration.ofMillis(250), Duration.ofMillis(300).plus(Duration.ofSeconds(2)));
        assertThat(calls).as("the waiting probe never reached the server").hasValue(1);
    }

    @Test
    void aSlotIsFreedEvenWhenTheProberThrows() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(1);
        InetAddress address = InetAddress.getByName("127.0.0.11");
        Prober failing = limiter.wrap((a, e, s, d) -> {
            throw new IllegalStateException("bug in a prober");
        });
        assertThatThrownBy(() -> failing.probe(address, IMAPS, null, Deadline.after(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class);

        ProbeResult next =
                limiter.wrap(new CountingProber()).probe(address, IMAPS, null, Deadline.after(Duration.ofMillis(200)));

        assertThat(next.outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void atLeastOneConnectionPerAddress() {
        assertThatThrownBy(() -> new ConnectionLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private interface Call {
        void run(int index) throws Exception;
    }

    private static void runConcurrently(int count, Call call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    call.run(index);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30));
        }
    }
}
