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
        return Candle.newBuilder()
                .setSubject(subject)
                .setInterval(interval)
                .setStart(Instant.ofEpochMilli(startMs))
                .setEnd(Instant.ofEpochMilli(startMs + length))
                .setCurrency(market ? quote : "USD")
                .setOpen(bucket.open())
                .setHigh(bucket.high())
                .setLow(bucket.low())
                .setClose(bucket.close())
                .setVolumeBase(bucket.volumeBase())
                .setVolumeQuote(market ? bucket.volumeQuote() : null)
                .setVolumeUsd(bucket.volumeUsd())
                .setTradeCount(bucket.tradeCount())
                .build();
    }
}
