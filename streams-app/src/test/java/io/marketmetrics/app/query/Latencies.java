package io.marketmetrics.app.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Each request's latency in one case of {@link ApiLatencyBenchmark}, in the order the requests were due, with when
 * they were due (request {@code i} at {@code startEpochMicros + i / rate} seconds), so that the benchmark can tell
 * which slow answers were due during an instance's collection. Written by {@link LoadGenerator} as text: the start
 * and the rate on the first line, then one latency in microseconds per line.
 */
record Latencies(long startEpochMicros, int rate, long[] micros) {

    static void write(Path file, long startEpochMicros, int rate, long[] nanos) {
        String body = LongStream.of(nanos).map(TimeUnit.NANOSECONDS::toMicros).mapToObj(Long::toString).collect(Collectors.joining("\n"));
        try {
            Files.writeString(file, startEpochMicros + " " + rate + "\n" + body + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Latencies read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] head = lines.get(0).split(" ");
        long[] micros = lines.subList(1, lines.size()).stream().mapToLong(Long::parseLong).toArray();
        return new Latencies(Long.parseLong(head[0]), Integer.parseInt(head[1]), micros);
    }

    /** When request {@code i} was due, in epoch microseconds. */
    long dueEpochMicros(int i) {
        return startEpochMicros + i * TimeUnit.SECONDS.toMicros(1) / rate;
    }
}
