package io.marketmetrics.app.topology.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.app.topology.calc.HourlyCloses;
import io.marketmetrics.app.topology.calc.RollingWindow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An asset's hourly closes split between its summary (the current hour) and a real (in-memory) store (the earlier hours). */
class ClosesTest {

    private static final int HOURS = 3;

    private KeyValueStore<String, HourlyCloses> store;
    private Closes closes;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("closes"), Serdes.String(), Closes.serde())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        closes = new Closes(store, HOURS);
    }

    @Test
    void givesTheSameClosesAsOneArrayKeptWhole() {
        HourlyCloses whole = new HourlyCloses(HOURS);
        AssetState as = new AssetState(new RollingWindow(60), new ArrayList<>());
        long[][] steps = {{10, 100}, {10, 101}, {11, -1}, {11, 102}, {14, -1}, {14, 103}, {15, 104}, {25, -1}};
        for (long[] step : steps) {
            if (step[1] < 0) {
                whole.advanceTo(step[0]);
                closes.advanceTo("BTC", as, step[0]);
            } else {
                whole.record(step[0], step[1]);
                closes.record("BTC", as, step[0], step[1]);
            }
            HourlyCloses split = closes.of("BTC", as);
            assertThat(split.lastHour()).as("after %s", (Object) step).isEqualTo(whole.lastHour());
            assertThat(split.closes()).as("after %s", (Object) step).containsExactly(whole.closes());
        }
        // Written when an hour ended, not on each evaluation: the store's last hour is the one before the current.
        assertThat(store.get("BTC").lastHour()).isEqualTo(15);
        assertThat(as.closeHour).isEqualTo(25);
    }

    @Test
    void writesNothingWhileTheHourLasts() {
        AssetState as = new AssetState(new RollingWindow(60), new ArrayList<>());
        closes.record("ETH", as, 7, 10);
        closes.record("ETH", as, 7, 11);
        assertThat(store.get("ETH")).isNull();
        assertThat(closes.of("ETH", as).closes()).containsExactly(Double.NaN, Double.NaN, Double.NaN, 11.0);
    }

    @Test
    void movesTheClosesOfALayoutOneSummaryToTheStore() {
        // Layout 1 by hand: version, lastTradeTime, evaluatedAt, price, window (end, oldest, count, three exact sums as
        // exponent + mantissa bytes, high, its minute, low, its minute), then the last hour and all its closes, ATH/ATL,
        // the change references and no market.
        ByteBuffer b = ByteBuffer.allocate(512);
        b.put((byte) 1).putLong(1_000).putLong(1_000).putDouble(50.0);
        b.putLong(RollingWindow.NONE).putLong(RollingWindow.NONE).putLong(0);
        for (int i = 0; i < 3; i++) {
            b.putInt(0).putInt(1).put((byte) 0);
        }
        b.putDouble(Double.NaN).putLong(Long.MIN_VALUE).putDouble(Double.NaN).putLong(Long.MIN_VALUE);
        b.putLong(20).putInt(4).putDouble(47).putDouble(48).putDouble(49).putDouble(50);
        b.putDouble(50).putLong(1_000).putDouble(47).putLong(900);
        b.putLong(Long.MIN_VALUE).putDouble(Double.NaN).putDouble(Double.NaN).putInt(0);
        byte[] bytes = new byte[b.position()];
        b.flip().get(bytes);

        AssetState as = AssetState.serde(60).deserializer().deserialize("t", bytes);
        assertThat(as.closeHour).isEqualTo(20);
        assertThat(as.close).isEqualTo(50.0);
        closes.migrate("SOL", as);
        assertThat(store.get("SOL").closes()).containsExactly(47.0, 48.0, 49.0, 50.0);
        assertThat(as.legacyCloses).isNull();

        closes.record("SOL", as, 21, 51);
        assertThat(closes.of("SOL", as).closes()).containsExactly(48.0, 49.0, 50.0, 51.0);
        AssetState again = AssetState.serde(60).deserializer().deserialize("t", AssetState.serde(60).serializer().serialize("t", as));
        assertThat(closes.of("SOL", again).closes()).containsExactly(48.0, 49.0, 50.0, 51.0);
    }
}
