package io.marketmetrics.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.apache.kafka.streams.state.internals.WindowKeySchema;
import org.rocksdb.WriteOptions;

/**
 * RocksDB's cost of writing closed minute buckets, by the order of the writes (docs/PERFORMANCE.md, eleventh session):
 * 1,200 subjects (200 assets and their markets on 5 venues), of which 65 % trade in each minute, keyed as a Kafka
 * Streams window store keys them (subject, window start, sequence number). A first day fills the store, the second
 * is measured: each minute's buckets written as they come ({@code random}, what the asset stage does), or five
 * minutes of them sorted by key first ({@code sorted}), or those sorted into one {@code WriteBatch} ({@code batch}).
 * Background flushes and compactions count, as they do in the pipeline. The memtable size is Kafka Streams' default
 * (16 MiB) or 2 MiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class MemtableOrderBenchmark {

    private static final int MINUTES_A_DAY = 1_440;
    private static final int BATCH_MINUTES = 5;
    /** The puts of the measured day: fixed by the seed. */
    private static final int SECOND_DAY_PUTS = 1_123_397;

    @Param({"random", "sorted", "batch"})
    public String order;

    @Param({"16777216", "2097152"})
    public long memtableBytes;

    private final byte[] value = new byte[60];
    private final List<String> subjects = new ArrayList<>();
    private Random random;
    private Path dir;
    private Options options;
    private WriteOptions writeOptions;
    private RocksDB db;

    @Setup(Level.Invocation)
    public void setUp() throws IOException, RocksDBException {
        RocksDB.loadLibrary();
        subjects.clear();
        for (int i = 0; i < 200; i++) {
            subjects.add("A" + i);
            for (String venue : List.of("binance", "coinbase", "kraken", "okx", "bybit")) {
                subjects.add(venue + ":A" + i + "-USDT");
            }
        }
        random = new Random(1);
        random.nextBytes(value);
        dir = Files.createTempDirectory("memtable-order");
        options = new Options().setCreateIfMissing(true).setWriteBufferSize(memtableBytes);
        writeOptions = new WriteOptions().setDisableWAL(true);
        db = RocksDB.open(options, dir.toString());
        writeDay(0);
    }

    @TearDown(Level.Invocation)
    public void tearDown() throws IOException {
        db.close();
        writeOptions.close();
        options.close();
        Utils.delete(dir.toFile());
    }

    @Benchmark
    @OperationsPerInvocation(SECOND_DAY_PUTS)
    public int secondDay() throws RocksDBException {
        int puts = writeDay(MINUTES_A_DAY);
        if (puts != SECOND_DAY_PUTS) {
            throw new IllegalStateException("the measured day wrote " + puts + " buckets, expected " + SECOND_DAY_PUTS);
        }
        return puts;
    }

    private int writeDay(int firstMinute) throws RocksDBException {
        int puts = 0;
        List<byte[]> pending = new ArrayList<>();
        Comparator<byte[]> keyOrder = Arrays::compareUnsigned;
        for (int m = firstMinute; m < firstMinute + MINUTES_A_DAY; m++) {
            Collections.shuffle(subjects, random);
            for (String subject : subjects) {
                if (random.nextDouble() < 0.35) {
                    continue;
                }
                byte[] key = key(subject, m * 60_000L);
                if (order.equals("random")) {
                    db.put(writeOptions, key, value);
                    puts++;
                } else {
                    pending.add(key);
                }
            }
            if (!order.equals("random") && (m + 1) % BATCH_MINUTES == 0) {
                pending.sort(keyOrder);
                if (order.equals("sorted")) {
                    for (byte[] key : pending) {
                        db.put(writeOptions, key, value);
                    }
                } else {
                    try (WriteBatch batch = new WriteBatch()) {
                        for (byte[] key : pending) {
                            batch.put(key, value);
                        }
                        db.write(writeOptions, batch);
                    }
                }
                puts += pending.size();
                pending.clear();
            }
        }
        return puts;
    }

    /** A window store's key, as Kafka Streams writes it: the subject's bytes, the window start, a sequence number. */
    private static byte[] key(String subject, long start) {
        return WindowKeySchema.toStoreKeyBinary(Bytes.wrap(subject.getBytes(StandardCharsets.UTF_8)), start, 0).get();
    }
}
