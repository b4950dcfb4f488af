package io.marketmetrics.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** This process's peak heap use (sampled) and resident memory (the kernel's high-water mark), and its CPU time. */
final class ResourceSampler implements AutoCloseable {

    private static final long PERIOD_MS = 50;
    private static final Path STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakHeap = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-sampler");
        t.setDaemon(true);
        return t;
    });

    ResourceSampler() {
        timer.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    /** VmHWM of /proc/self/status: the peak resident set, or -1 where there is no /proc (not Linux). */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time of every thread of this process so far, native ones (RocksDB's) included. */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** CPU time so far of the threads that run the topology (Kafka Streams names them {@code <client id>-StreamThread-<n>}). */
    static double streamThreadCpuSeconds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().matches(".*-StreamThread-[0-9]+"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId())))
                .sum() / 1e9;
    }

    /** Time the JIT compilers spent so far. */
    static double jitSeconds() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
