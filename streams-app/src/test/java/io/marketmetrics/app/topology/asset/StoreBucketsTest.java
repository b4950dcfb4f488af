package io.marketmetrics.app.topology.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.app.topology.calc.Bucket;
import io.marketmetrics.app.topology.calc.MinuteBucket;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One subject's minute buckets: the closed ones in a real (in-memory) window store, the newest in its {@link OpenBucket}. */
class StoreBucketsTest {

    private static final long MINUTE = 60_000L;

    private WindowStore<String, Bucket> store;
    private OpenBucket open;
    private AwaitingCandles awaiting;
    private StoreBuckets buckets;

    @BeforeEach
    void store() {
        store = Stores.windowStoreBuilder(Stores.inMemoryWindowStore("candles", Duration.ofDays(2), Duration.ofMinutes(1), false),
                Serdes.String(), BucketSerde.create()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        open = new OpenBucket();
        awaiting = new AwaitingCandles();
        buckets = new StoreBuckets(store, awaiting, "BTC", MINUTE, open);
    }

    @Test
    void aBucketWrittenBeforeItsCandleIsEmittedIsReadFromMemoryUntilThen() {
        buckets.put(10, priced(100));
        buckets.put(12, priced(102));
        buckets.put(11, priced(101));
        assertThat(store.fetch("BTC", 10 * MINUTE)).as("written through").isEqualTo(priced(100));
        assertThat(awaiting.size()).isEqualTo(2);
        // A read that only memory can answer: the store changed behind its back.
        store.put("BTC", priced(99), 10 * MINUTE);
        assertThat(buckets.get(10)).isEqualTo(priced(100));

        buckets.emitted(10);
        buckets.emitted(11);
        assertThat(awaiting.size()).isZero();
        assertThat(buckets.get(10)).as("from the store once emitted").isEqualTo(priced(99));
        assertThat(buckets.get(11)).isEqualTo(priced(101));
    }

    @Test
    void theNewestBucketStaysOpenUntilANewerOneOpensOrItIsClosed() {
        buckets.put(10, priced(100));
        buckets.put(10, priced(101));
        assertThat(store.fetch("BTC", 10 * MINUTE)).as("the open bucket is not in the store").isNull();
        assertThat(buckets.get(10)).isEqualTo(priced(101));

        buckets.put(12, priced(102));
        assertThat(store.fetch("BTC", 10 * MINUTE)).as("closed when a newer one opened").isEqualTo(priced(101));
        assertThat(store.fetch("BTC", 12 * MINUTE)).isNull();
        assertThat(buckets.get(13)).isEqualTo(Bucket.EMPTY);

        // An out-of-order trade's bucket, older than the open one, is read and written in the store.
        buckets.put(11, priced(99));
        assertThat(store.fetch("BTC", 11 * MINUTE)).isEqualTo(priced(99));
        assertThat(buckets.range(0, 20)).containsExactly(new MinuteBucket(10, priced(101)), new MinuteBucket(11, priced(99)),
                new MinuteBucket(12, priced(102)));
        assertThat(buckets.first(12, 20)).contains(new MinuteBucket(12, priced(102)));
        assertThat(buckets.first(13, 20)).isEmpty();
        assertThat(buckets.lastPriced(0, 20)).contains(new MinuteBucket(12, priced(102)));
        assertThat(buckets.lastPriced(0, 11)).contains(new MinuteBucket(11, priced(99)));

        assertThat(buckets.close(11)).as("not the open bucket").isFalse();
        assertThat(buckets.close(12)).isTrue();
        assertThat(store.fetch("BTC", 12 * MINUTE)).isEqualTo(priced(102));
        assertThat(open.n).isEqualTo(OpenBucket.NONE);
        assertThat(buckets.range(0, 20)).extracting(MinuteBucket::minute).containsExactly(10L, 11L, 12L);
    }

    @Test
    void anOpenBucketHidesAnOlderCopyOfItInTheStore() {
        // State written before open buckets existed: the current bucket is in the store, the summary holds none.
        store.put("BTC", priced(100), 5 * MINUTE);
        assertThat(buckets.get(5)).isEqualTo(priced(100));
        buckets.put(5, priced(103));
        assertThat(buckets.get(5)).isEqualTo(priced(103));
        assertThat(buckets.range(0, 9)).containsExactly(new MinuteBucket(5, priced(103)));
        assertThat(buckets.first(0, 9)).contains(new MinuteBucket(5, priced(103)));
        assertThat(buckets.lastPriced(0, 9)).contains(new MinuteBucket(5, priced(103)));
    }

    @Test
    void aBucketWithoutPriceIsSkippedByLastPriced() {
        buckets.put(3, priced(100));
        buckets.put(4, Bucket.EMPTY.withVolume(1, 0, 0));
        assertThat(buckets.lastPriced(0, 9)).contains(new MinuteBucket(3, priced(100)));
        assertThat(buckets.first(4, 9)).contains(new MinuteBucket(4, Bucket.EMPTY.withVolume(1, 0, 0)));
    }

    private static Bucket priced(double price) {
        return Bucket.EMPTY.withPrice(1_000, price).withVolume(1, price, price);
    }
}
