package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.Bucket;
import io.marketmetrics.app.topology.calc.TimeBuckets;
import io.marketmetrics.schema.CandleInterval;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * For interactive queries: an asset's open (newest) candle bucket, which the asset stage keeps in the asset's
 * summary ({@link OpenBucket}) and writes to the candle window store only once a newer bucket opens. A reader
 * of the candle stores overlays it: read it first, then the window store, and prefer it over a stored copy of
 * the same bucket.
 */
public final class OpenCandles {

    /** The store of the asset summaries: asset symbol -> summary, in the asset's partition like the candle stores. */
    public static final String STORE = AssetStage.ASSET_STATE;

    private OpenCandles() {
    }

    /** The open bucket of {@code symbol} for {@code interval}, keyed by its start (epoch ms), if the asset has one. */
    public static Optional<KeyValue<Long, Bucket>> of(ReadOnlyKeyValueStore<String, ?> summaries, String symbol,
                                                      CandleInterval interval) {
        if (!(summaries.get(symbol) instanceof AssetState state)) {
            return Optional.empty();
        }
        boolean minute = interval == CandleInterval.ONE_MINUTE;
        OpenBucket open = state.open.of(!minute);
        if (open.n == OpenBucket.NONE) {
            return Optional.empty();
        }
        return Optional.of(KeyValue.pair(open.n * (minute ? TimeBuckets.MINUTE_MS : TimeBuckets.HOUR_MS), open.bucket));
    }
}
