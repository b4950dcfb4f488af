package io.marketmetrics.app.bench;

/**
 * What a worker process measured of itself.
 *
 * @param startToRunningMs from the start call to state RUNNING (topic check, group join, restore)
 * @param jvmToRunningMs   the same from the JVM's own start
 * @param records          input records drained (0 when serving)
 * @param drainMs          from RUNNING until every input record was processed and committed
 * @param cpuSeconds       the process's CPU time (all threads, RocksDB's included) while draining or serving
 * @param peakHeapBytes    the highest heap use sampled (every 50 ms)
 * @param peakRssBytes     the kernel's high-water mark of resident memory (VmHWM)
 * @param stateDirBytes    the size of the state directory after a clean close
 */
record WorkerResult(long startToRunningMs, long jvmToRunningMs, long records, long drainMs, double cpuSeconds,
                    long peakHeapBytes, long peakRssBytes, long stateDirBytes) {

    double recordsPerSecond() {
        return drainMs == 0 ? 0 : records * 1000.0 / drainMs;
    }

    double cpuSecondsPerMillion() {
        return records == 0 ? 0 : cpuSeconds * 1_000_000 / records;
    }
}
