package io.marketmetrics.app.topology.market;

import io.marketmetrics.app.topology.asset.Codec;
import io.marketmetrics.schema.AssetMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * What the market-wide stage needs of one asset's published figures (NaN where unknown). Everything else
 * in {@code AssetMetrics} (sparkline, extremes, ...) stays out of the repartition topic.
 */
public record AssetSnapshot(double priceUsd, double marketCapUsd, double volume24hUsd, double change24hPct,
                            List<String> categories, long updatedAt) {

    public AssetSnapshot {
        categories = List.copyOf(categories);
    }

    static AssetSnapshot of(AssetMetrics m) {
        return new AssetSnapshot(nanIfNull(m.getPriceUsd()), nanIfNull(m.getMarketCapUsd()), m.getVolume24hUsd(),
                nanIfNull(m.getChange24hPct()), m.getCategories(), m.getUpdatedAt().toEpochMilli());
    }

    /** Assets without a (meaningful) market cap have no rank and weigh nothing in a category's change. */
    boolean hasMarketCap() {
        return marketCapUsd >= 0;
    }

    /** The figures that rank, categories and indexes read, ignoring the time of the update. */
    boolean sameFigures(AssetSnapshot other) {
        return other != null && new AssetSnapshot(priceUsd, marketCapUsd, volume24hUsd, change24hPct, categories, 0)
                .equals(new AssetSnapshot(other.priceUsd, other.marketCapUsd, other.volume24hUsd, other.change24hPct,
                        other.categories, 0));
    }

    static Serde<AssetSnapshot> serde() {
        return Codec.serde((out, s) -> {
            out.writeDouble(s.priceUsd).writeDouble(s.marketCapUsd).writeDouble(s.volume24hUsd)
                    .writeDouble(s.change24hPct).writeLong(s.updatedAt).writeInt(s.categories.size());
            s.categories.forEach(out::writeString);
        }, in -> {
            double price = in.readDouble();
            double cap = in.readDouble();
            double volume = in.readDouble();
            double change = in.readDouble();
            long updatedAt = in.readLong();
            int n = in.readInt();
            List<String> categories = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                categories.add(in.readString());
            }
            return new AssetSnapshot(price, cap, volume, change, categories, updatedAt);
        });
    }

    private static double nanIfNull(Double x) {
        return x == null ? Double.NaN : x;
    }
}
