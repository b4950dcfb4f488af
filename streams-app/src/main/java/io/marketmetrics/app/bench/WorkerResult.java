package io.marketmetrics.app.bench;

import java.util.Map;

/**
 * What a worker process measured of itself.
 *
 * @param startToRunningMs from the start call to state RUNNING (topic check, group join, restore)
 * @param jvmToRunningMs   the same from the JVM's own start
 * @param records          input records drained (0 when serving)
 * @param drainMs          from RUNNING until every input record was processed and committed
 * @param secondHalfMs     the last part of that: from when half the input was committed until all of it was; the
 *                         rate over it leaves out most of the warm-up (class loading, JIT compilation, new stores)
 * @param cpuSeconds       the process's CPU time (all threads, RocksDB's included) while draining or serving
 * @param streamCpuSeconds the CPU time of the Kafka Streams processing threads alone over the same time: the
 *                         topology's own cost, less moved by other load on the machine than the wall-clock rate
 * @param jitSeconds       time the JIT compilers spent over the same time (a short run's warm-up)
 * @param kafka            how long the stream threads were blocked on Kafka over the same time, and the records
 *                         their producers sent
 * @param peakHeapBytes    the highest heap use sampled (every 50 ms)
 * @param peakRssBytes     the kernel's high-water mark of resident memory (VmHWM)
 * @param stateDirBytes    the size of the state directory after a clean close
 * @param restoredRecords  changelog records replayed into each store before RUNNING, by store (none: empty)
 */
record WorkerResult(long startToRunningMs, long jvmToRunningMs, long records, long drainMs, long secondHalfMs, double cpuSeconds,
                    double streamCpuSeconds, double jitSeconds, KafkaTotals kafka, long peakHeapBytes, long peakRssBytes, long stateDirBytes,
                    Map<String, Long> restoredRecords) {

    double recordsPerSecond() {
        return drainMs == 0 ? 0 : records * 1000.0 / drainMs;
    }

    double secondHalfRecordsPerSecond() {
        return secondHalfMs == 0 ? 0 : (records - records / 2) * 1000.0 / secondHalfMs;
    }

    double cpuSecondsPerMillion() {
        return perMillion(cpuSeconds);
    }

    double streamCpuSecondsPerMillion() {
        return perMillion(streamCpuSeconds);
    }

    private double perMillion(double seconds) {
        return records == 0 ? 0 : seconds * 1_000_000 / records;
    }
}
