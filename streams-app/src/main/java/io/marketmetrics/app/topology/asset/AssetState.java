package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.AllTimeExtremes;
import io.marketmetrics.app.topology.calc.HourlyCloses;
import io.marketmetrics.app.topology.calc.MarketQuote;
import io.marketmetrics.app.topology.calc.RollingWindow;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * The summary of one asset: its aggregated price and the inputs of the next evaluation (one
 * {@link MarketQuote} per market), its window's running figures, the close of its current hour (the earlier
 * hours of the sparkline are in their own store, {@link Closes}), ATH/ATL as reached by the stream, the change
 * references of the current minute, and its open minute and hour buckets.
 */
final class AssetState {

    long lastTradeTime = Long.MIN_VALUE;
    /** Evaluation time T: the latest trade's event time, or the stream time of a later idle re-evaluation. */
    long evaluatedAt = Long.MIN_VALUE;
    double priceUsd = Double.NaN;
    final RollingWindow window;
    /** The current hour of the sparkline ({@link Long#MIN_VALUE} before any) and its close so far (carried when none). */
    long closeHour = Long.MIN_VALUE;
    double close = Double.NaN;
    /** Read from a record of layout 1, which held all the hourly closes; {@link Closes} moves them to their store. */
    HourlyCloses legacyCloses;
    AllTimeExtremes extremes = AllTimeExtremes.NONE;
    /** The minute for which {@link #ref1h} and {@link #ref24h} were looked up (they change only with it). */
    long refMinute = Long.MIN_VALUE;
    double ref1h = Double.NaN;
    double ref24h = Double.NaN;
    final List<MarketQuote> markets;
    final OpenBucket.Pair open = new OpenBucket.Pair();

    AssetState(RollingWindow window, List<MarketQuote> markets) {
        this.window = window;
        this.markets = markets;
    }

    /** Replaces (or adds) the quote of {@code quote.market()}. */
    void putQuote(MarketQuote quote) {
        for (int i = 0; i < markets.size(); i++) {
            if (markets.get(i).market().equals(quote.market())) {
                markets.set(i, quote);
                return;
            }
        }
        markets.add(quote);
    }

    MarketQuote quote(String market) {
        for (MarketQuote q : markets) {
            if (q.market().equals(market)) {
                return q;
            }
        }
        return null;
    }

    /** Layout 2: the current hour's close instead of all the hourly closes of layout 1. */
    private static final byte LAYOUT = 2;

    static Serde<AssetState> serde(int windowMinutes) {
        return Codec.serde(LAYOUT, (out, s) -> {
            out.writeLong(s.lastTradeTime).writeLong(s.evaluatedAt).writeDouble(s.priceUsd).writeWindow(s.window);
            out.writeLong(s.closeHour).writeDouble(s.close);
            AllTimeExtremes x = s.extremes;
            out.writeDouble(x.ath()).writeLong(x.athTime()).writeDouble(x.atl()).writeLong(x.atlTime());
            out.writeLong(s.refMinute).writeDouble(s.ref1h).writeDouble(s.ref24h).writeInt(s.markets.size());
            for (MarketQuote q : s.markets) {
                out.writeString(q.market()).writeDouble(q.lastPriceUsd()).writeLong(q.lastTradeTime()).writeDouble(q.volumeUsd());
            }
            s.open.write(out);
            out.writeOldestBucket(s.window);
        }, in -> {
            long lastTradeTime = in.readLong();
            long evaluatedAt = in.readLong();
            double priceUsd = in.readDouble();
            RollingWindow window = in.readWindow(windowMinutes);
            long closeHour = in.readLong();
            double close;
            HourlyCloses legacy = null;
            if (in.version() == 1) {
                double[] closes = in.readDoubles();
                legacy = new HourlyCloses(closeHour, closes);
                close = closes[closes.length - 1];
            } else {
                close = in.readDouble();
            }
            AllTimeExtremes extremes = new AllTimeExtremes(in.readDouble(), in.readLong(), in.readDouble(), in.readLong());
            long refMinute = in.readLong();
            double ref1h = in.readDouble();
            double ref24h = in.readDouble();
            int n = in.readInt();
            List<MarketQuote> markets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                markets.add(new MarketQuote(in.readString(), in.readDouble(), in.readLong(), in.readDouble()));
            }
            AssetState s = new AssetState(window, markets);
            s.lastTradeTime = lastTradeTime;
            s.evaluatedAt = evaluatedAt;
            s.priceUsd = priceUsd;
            s.closeHour = closeHour;
            s.close = close;
            s.legacyCloses = legacy;
            s.extremes = extremes;
            s.refMinute = refMinute;
            s.ref1h = ref1h;
            s.ref24h = ref24h;
            // Added after the first records of layout 1 were written: absent from those.
            s.open.readIfPresent(in);
            in.readOldestBucketIfPresent(s.window);
            return s;
        });
    }
}
