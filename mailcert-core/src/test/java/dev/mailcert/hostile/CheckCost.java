package dev.mailcert.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What one piece of work cost in memory, measured around it in this JVM:
 * {@code allocatedBytes} by every thread meanwhile (the check and the in-process hostile servers
 * and DNS server alike; carrier threads count for the virtual threads they run),
 * {@code peakHeapBytes} the highest heap use above the starting point (sampled every few
 * milliseconds), {@code retainedBytes} the heap still in use after a full GC, the result included.
 */
record CheckCost(long allocatedBytes, long peakHeapBytes, long retainedBytes) {
    private static final long SAMPLE_MILLIS = 2;
    static final long MIB = 1024 * 1024;

    record Measured<T>(T value, CheckCost cost) {}

    static <T> Measured<T> measure(Supplier<T> work) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform()
                .daemon()
                .name("hostile-heap-sampler")
                .start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(SAMPLE_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();
        T value;
        try {
            value = work.get();
        } finally {
            sampler.interrupt();
        }
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - baseline;
        return new Measured<>(value, new CheckCost(allocated, peak.get() - baseline, Math.max(0, retained)));
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) MIB);
    }
}
