package io.marketmetrics.app.topology.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.app.topology.calc.Bucket;
import io.marketmetrics.app.topology.calc.RollingWindow;
import java.util.ArrayList;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The summaries' stored form keeps the window's oldest bucket, and reads summaries stored before it did. */
class SummaryCodecTest {

    private static final int WINDOW = 1440;
    /** What the oldest bucket adds at the end of a summary: a flag byte and the bucket's ten fixed-width numbers. */
    private static final int OLDEST_BUCKET_BYTES = 1 + 10 * 8;

    private static final Bucket FIRST = Bucket.EMPTY.withPrice(600_000, 10.0).withVolume(2.0, 20.0, 20.0);
    private static final Bucket SECOND = Bucket.EMPTY.withPrice(660_000, 11.0).withVolume(1.0, 11.0, 11.0);

    private static RollingWindow windowOfTwoBuckets() {
        RollingWindow w = new RollingWindow(WINDOW);
        w.onBucketChange(10, Bucket.EMPTY, FIRST);
        w.onBucketChange(11, Bucket.EMPTY, SECOND);
        return w;
    }

    @Test
    void aMarketSummaryKeepsItsWindowsOldestBucket() {
        Serde<MarketState> serde = MarketState.serde(WINDOW);
        MarketState s = new MarketState("binance", "BTC", "USDT", windowOfTwoBuckets());
        byte[] bytes = serde.serializer().serialize("t", s);

        MarketState read = serde.deserializer().deserialize("t", bytes);
        assertThat(read.window.oldestBucket()).isEqualTo(FIRST);
        assertThat(read.window.oldest()).isEqualTo(10);

        MarketState before = serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - OLDEST_BUCKET_BYTES));
        assertThat(before.window.oldestBucket()).as("stored before the oldest bucket was kept").isNull();
        assertThat(before.window.oldest()).isEqualTo(10);
        assertThat(before.window.tradeCount()).isEqualTo(2);
        assertThat(before.open.minute.n).isEqualTo(s.open.minute.n);
    }

    @Test
    void anAssetSummaryKeepsItsWindowsOldestBucket() {
        Serde<AssetState> serde = AssetState.serde(WINDOW);
        AssetState s = new AssetState(windowOfTwoBuckets(), new ArrayList<>());
        byte[] bytes = serde.serializer().serialize("t", s);

        assertThat(serde.deserializer().deserialize("t", bytes).window.oldestBucket()).isEqualTo(FIRST);
        AssetState before = serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - OLDEST_BUCKET_BYTES));
        assertThat(before.window.oldestBucket()).as("stored before the oldest bucket was kept").isNull();
        assertThat(before.window.volumeBase()).isEqualTo(3.0);
    }

    @Test
    void aWindowWithoutBucketsStoresNone() {
        Serde<MarketState> serde = MarketState.serde(WINDOW);
        MarketState s = new MarketState("binance", "BTC", "USDT", new RollingWindow(WINDOW));
        MarketState read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", s));
        assertThat(read.window.oldestBucket()).isNull();
        assertThat(read.window.oldest()).isEqualTo(RollingWindow.NONE);
    }
}
