package io.marketmetrics.app.topology.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.BatchLoggedWindowStoreBuilder;
import org.apache.kafka.streams.state.internals.WindowKeySchema;
import org.junit.jupiter.api.Test;

/**
 * A batch record read back from the changelog becomes the records of the puts it holds, as Kafka Streams' change
 * logging would have written them, with the batch's offset; other records pass as they are. The puts held until the
 * commit are read back by every kind of read before it, and are in the RocksDB store after it. The store itself on a
 * real broker, restored from its changelog after the state is lost, is proven by {@code CrashRecoveryTest}.
 */
class BatchLoggedWindowBytesStoreTest {

    private static final String TOPIC = "app-candles-1m-store-changelog";
    private static final String STORE = "candles-test-store";
    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;

    @Test
    void aBatchBecomesThePutsItHoldsInOrderWithDeletionsAndItsOffset() {
        Codec.Out batch = new Codec.Out();
        BatchLoggedWindowBytesStore.append(batch, key("BTC"), 60_000, new byte[] {1, 2});
        BatchLoggedWindowBytesStore.append(batch, key("binance:BTC-USDT"), 120_000, new byte[] {3});
        BatchLoggedWindowBytesStore.append(batch, key(""), 120_000, null);
        BatchLoggedWindowBytesStore.append(batch, key("BTC"), 60_000, new byte[] {4});
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPIC, 2, 41,
                BatchLoggedWindowBytesStore.batchKey(120_000, 7).get(), batch.toByteArray());

        List<ConsumerRecord<byte[], byte[]>> puts = BatchLoggedWindowBytesStore.unbatched(List.of(record));

        assertThat(puts).extracting(ConsumerRecord::offset).containsOnly(41L);
        assertThat(puts).extracting(ConsumerRecord::partition).containsOnly(2);
        assertThat(puts).extracting(r -> Bytes.wrap(r.key())).containsExactly(
                storeKey("BTC", 60_000), storeKey("binance:BTC-USDT", 120_000), storeKey("", 120_000),
                storeKey("BTC", 60_000));
        assertThat(puts).extracting(ConsumerRecord::value)
                .containsExactly(new byte[] {1, 2}, new byte[] {3}, null, new byte[] {4});
    }

    @Test
    void recordsOfTheFormerLayoutPassAsTheyAre() {
        ConsumerRecord<byte[], byte[]> former = new ConsumerRecord<>(TOPIC, 0, 5, storeKey("BTC", 60_000).get(),
                new byte[] {9});
        ConsumerRecord<byte[], byte[]> marker = new ConsumerRecord<>(TOPIC, 0, 6, storeKey("", 60_000).get(), null);

        assertThat(BatchLoggedWindowBytesStore.unbatched(List.of(former, marker))).containsExactly(former, marker);
    }

    @Test
    void aBatchOfAnUnknownFormatIsAnError() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPIC, 0, 5,
                BatchLoggedWindowBytesStore.batchKey(60_000, 0).get(), new byte[] {99});

        assertThatThrownBy(() -> BatchLoggedWindowBytesStore.unbatched(List.of(record)))
                .hasMessageContaining("unknown format").hasMessageContaining("offset 5");
    }

    @Test
    void putsHeldUntilTheCommitAreReadBackByEveryReadAndStoredAtTheCommit() {
        List<String> readsBeforeCommit = new ArrayList<>();
        try (TopologyTestDriver driver = driverWritingOnce(store -> {
            // Two days of minutes: more than one segment. Overwritten, and a deletion.
            store.put("BTC", "first", MINUTE);
            store.put("BTC", "second", MINUTE);
            store.put("ETH", "eth", MINUTE);
            store.put("BTC", "next day", DAY + MINUTE);
            store.put("ETH", "gone", 2 * MINUTE);
            store.put("ETH", null, 2 * MINUTE);
            readsBeforeCommit.add("point " + store.fetch("BTC", MINUTE) + " " + store.fetch("ETH", 2 * MINUTE));
            try (WindowStoreIterator<String> it = store.fetch("BTC", 0, 2 * DAY)) {
                readsBeforeCommit.add("range " + values(it));
            }
            try (KeyValueIterator<Windowed<String>, String> it = store.fetchAll(0, 2 * DAY)) {
                List<String> all = new ArrayList<>();
                it.forEachRemaining(kv -> all.add(kv.key.key() + "@" + kv.key.window().start() + "=" + kv.value));
                readsBeforeCommit.add("all " + all);
            }
        })) {
            assertThat(readsBeforeCommit).containsExactly("point second null",
                    "range [second, next day]",
                    "all [BTC@60000=second, ETH@60000=eth, BTC@86460000=next day]");
            // The test driver commits after each record: the puts are now in the RocksDB store itself.
            WindowStore<String, String> stored = driver.getWindowStore(STORE);
            try (KeyValueIterator<Windowed<String>, String> it = stored.fetchAll(0, 2 * DAY)) {
                List<String> all = new ArrayList<>();
                it.forEachRemaining(kv -> all.add(kv.key.key() + "@" + kv.key.window().start() + "=" + kv.value));
                assertThat(all).containsExactly("BTC@60000=second", "ETH@60000=eth", "BTC@86460000=next day");
            }
        }
    }

    @Test
    void putsAreWrittenBeforeTheCommitOnceAsManyAsTheBound() {
        List<String> seenByAnotherThread = new ArrayList<>();
        driverWritingOnce(store -> {
            // Another thread (an interactive query) reads the inner store only.
            for (int i = 0; i < BatchLoggedWindowBytesStore.MAX_HELD_PUTS; i++) {
                store.put("S" + i, "v" + i, MINUTE);
                if (i == BatchLoggedWindowBytesStore.MAX_HELD_PUTS - 2) {
                    seenByAnotherThread.add(readElsewhere(store, "S0"));
                }
            }
            seenByAnotherThread.add(readElsewhere(store, "S0"));
            seenByAnotherThread.add(readElsewhere(store, "S" + (BatchLoggedWindowBytesStore.MAX_HELD_PUTS - 1)));
        }).close();
        assertThat(seenByAnotherThread).containsExactly(null, "v0", "v" + (BatchLoggedWindowBytesStore.MAX_HELD_PUTS - 1));
    }

    @Test
    void aRangeReadEndingBeforeEveryPutHeldLeavesThemHeld() {
        List<String> seen = new ArrayList<>();
        driverWritingOnce(store -> {
            store.put("BTC", "a day ago", MINUTE);
            try (WindowStoreIterator<String> it = store.fetch("BTC", 0, DAY + MINUTE)) {
                seen.add("range to the put " + values(it) + ", elsewhere " + readElsewhere(store, "BTC", MINUTE));
            }
            store.put("BTC", "now", DAY + MINUTE);
            try (WindowStoreIterator<String> it = store.fetch("BTC", 0, DAY)) {
                seen.add("range before it " + values(it) + ", elsewhere " + readElsewhere(store, "BTC", DAY + MINUTE));
            }
            try (WindowStoreIterator<String> it = store.fetch("BTC", DAY, DAY + MINUTE)) {
                seen.add("range to it " + values(it) + ", elsewhere " + readElsewhere(store, "BTC", DAY + MINUTE));
            }
        }).close();
        assertThat(seen).containsExactly("range to the put [a day ago], elsewhere a day ago",
                "range before it [a day ago], elsewhere null",
                "range to it [now], elsewhere now");
    }

    /** A test driver whose one input record has a processor run {@code write} on a batch-logged store. */
    private static TopologyTestDriver driverWritingOnce(Consumer<WindowStore<String, String>> write) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(new BatchLoggedWindowStoreBuilder<>(Stores.persistentWindowStore(STORE, Duration.ofDays(2),
                Duration.ofMinutes(1), false), Serdes.String(), Serdes.String()));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private WindowStore<String, String> store;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        store = context.getStateStore(STORE);
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        write.accept(store);
                    }
                }, Named.as("writer"), STORE);
        TopologyTestDriver driver = new TopologyTestDriver(builder.build());
        driver.createInputTopic("in", new StringSerializer(), new StringSerializer()).pipeInput("k", "v");
        return driver;
    }

    private static String readElsewhere(WindowStore<String, String> store, String key) {
        return readElsewhere(store, key, MINUTE);
    }

    private static String readElsewhere(WindowStore<String, String> store, String key, long time) {
        String[] seen = new String[1];
        Thread reader = new Thread(() -> seen[0] = store.fetch(key, time));
        reader.start();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return seen[0];
    }

    private static List<String> values(WindowStoreIterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(kv -> out.add(kv.value));
        return out;
    }

    private static Bytes key(String subject) {
        return Bytes.wrap(subject.getBytes(StandardCharsets.UTF_8));
    }

    private static Bytes storeKey(String subject, long start) {
        return WindowKeySchema.toStoreKeyBinary(key(subject), start, 0);
    }
}
