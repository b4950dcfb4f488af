package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.RollingWindow;
import org.apache.kafka.common.serialization.Serde;

/** The summary of one market: its last trade, its 24h window's running figures and its open minute and hour buckets. */
final class MarketState {

    final String exchange;
    final String base;
    final String quote;
    double lastPrice = Double.NaN;
    double lastPriceUsd = Double.NaN;
    long lastTradeTime = Long.MIN_VALUE;
    /** The market's evaluation time: its latest trade, or the stream time of a later idle re-evaluation. */
    long evaluatedAt = Long.MIN_VALUE;
    /** The base asset's 24h USD volume at the market's evaluation, for its volume share (NaN before any). */
    double assetVolumeUsd = Double.NaN;
    final RollingWindow window;
    final OpenBucket.Pair open = new OpenBucket.Pair();

    MarketState(String exchange, String base, String quote, RollingWindow window) {
        this.exchange = exchange;
        this.base = base;
        this.quote = quote;
        this.window = window;
    }

    static Serde<MarketState> serde(int windowMinutes) {
        return Codec.serde((out, s) -> {
            out.writeString(s.exchange).writeString(s.base).writeString(s.quote).writeDouble(s.lastPrice)
                    .writeDouble(s.lastPriceUsd).writeLong(s.lastTradeTime).writeLong(s.evaluatedAt).writeWindow(s.window)
                    .writeDouble(s.assetVolumeUsd);
            s.open.write(out);
            out.writeOldestBucket(s.window);
        }, in -> {
            String exchange = in.readString();
            String base = in.readString();
            String quote = in.readString();
            double lastPrice = in.readDouble();
            double lastPriceUsd = in.readDouble();
            long lastTradeTime = in.readLong();
            long evaluatedAt = in.readLong();
            MarketState s = new MarketState(exchange, base, quote, in.readWindow(windowMinutes));
            s.lastPrice = lastPrice;
            s.lastPriceUsd = lastPriceUsd;
            s.lastTradeTime = lastTradeTime;
            s.evaluatedAt = evaluatedAt;
            // Fields added after the first records of layout 1 were written: absent from those.
            s.assetVolumeUsd = in.hasRemaining() ? in.readDouble() : Double.NaN;
            s.open.readIfPresent(in);
            in.readOldestBucketIfPresent(s.window);
            return s;
        });
    }
}
