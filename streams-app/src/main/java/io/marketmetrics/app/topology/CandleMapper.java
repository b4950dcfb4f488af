package io.marketmetrics.app.topology;

import io.marketmetrics.app.topology.calc.Bucket;
import io.marketmetrics.model.Symbols;
import io.marketmetrics.schema.Candle;
import io.marketmetrics.schema.CandleInterval;
import java.time.Instant;

/**
 * A bucket of {@link StoreNames#CANDLES_1M} or {@link StoreNames#CANDLES_1H} as the published {@link Candle}:
 * a market's (id {@code exchange:BASE-QUOTE}) in quote units, an asset's in USD without quote volume.
 */
public final class CandleMapper {

    private CandleMapper() {
    }

    /** Only buckets with a price make a candle ({@link Bucket#hasPrice()}). */
    public static Candle toCandle(String subject, CandleInterval interval, long startMs, Bucket bucket) {
        long length = interval == CandleInterval.ONE_MINUTE ? 60_000L : 3_600_000L;
        String quote = Symbols.quoteOfMarket(subject);
        boolean market = quote != null;
        // The all-args constructor: Avro's builder validates and boxes every field, once per final candle.
        return new Candle(subject, interval, Instant.ofEpochMilli(startMs), Instant.ofEpochMilli(startMs + length),
                market ? quote : "USD", bucket.open(), bucket.high(), bucket.low(), bucket.close(), bucket.volumeBase(),
                market ? bucket.volumeQuote() : null, bucket.volumeUsd(), bucket.tradeCount());
    }
}
