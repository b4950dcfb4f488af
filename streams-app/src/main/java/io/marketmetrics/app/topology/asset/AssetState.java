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
 * {@link MarketQuote} per market), its window's running figures, the hourly closes of the sparkline,
 * ATH/ATL as reached by the stream, the change references of the current minute, and its open minute and hour
 * buckets.
 */
final class AssetState {

    long lastTradeTime = Long.MIN_VALUE;
    /** Evaluation time T: the latest trade's event time, or the stream time of a later idle re-evaluation. */
    long evaluatedAt = Long.MIN_VALUE;
    double priceUsd = Double.NaN;
    final RollingWindow window;
    final HourlyCloses closes;
    AllTimeExtremes extremes = AllTimeExtremes.NONE;
    /** The minute for which {@link #ref1h} and {@link #ref24h} were looked up (they change only with it). */
    long refMinute = Long.MIN_VALUE;
    double ref1h = Double.NaN;
    double ref24h = Double.NaN;
    final List<MarketQuote> markets;
    final OpenBucket.Pair open = new OpenBucket.Pair();

    AssetState(RollingWindow window, HourlyCloses closes, List<MarketQuote> markets) {
        this.window = window;
        this.closes = closes;
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

    static Serde<AssetState> serde(int windowMinutes) {
        return Codec.serde((out, s) -> {
            out.writeLong(s.lastTradeTime).writeLong(s.evaluatedAt).writeDouble(s.priceUsd).writeWindow(s.window);
            double[] closes = s.closes.closes();
            out.writeLong(s.closes.lastHour()).writeInt(closes.length);
            for (double c : closes) {
                out.writeDouble(c);
            }
            AllTimeExtremes x = s.extremes;
            out.writeDouble(x.ath()).writeLong(x.athTime()).writeDouble(x.atl()).writeLong(x.atlTime());
            out.writeLong(s.refMinute).writeDouble(s.ref1h).writeDouble(s.ref24h).writeInt(s.markets.size());
            for (MarketQuote q : s.markets) {
                out.writeString(q.market()).writeDouble(q.lastPriceUsd()).writeLong(q.lastTradeTime()).writeDouble(q.volumeUsd());
            }
            s.open.write(out);
        }, in -> {
            long lastTradeTime = in.readLong();
            long evaluatedAt = in.readLong();
            double priceUsd = in.readDouble();
            RollingWindow window = in.readWindow(windowMinutes);
            long lastHour = in.readLong();
            double[] closes = new double[in.readInt()];
            for (int i = 0; i < closes.length; i++) {
                closes[i] = in.readDouble();
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
            AssetState s = new AssetState(window, new HourlyCloses(lastHour, closes), markets);
            s.lastTradeTime = lastTradeTime;
            s.evaluatedAt = evaluatedAt;
            s.priceUsd = priceUsd;
            s.extremes = extremes;
            s.refMinute = refMinute;
            s.ref1h = ref1h;
            s.ref24h = ref24h;
            // Added after the first records of layout 1 were written: absent from those.
            s.open.readIfPresent(in);
            return s;
        });
    }
}
