package io.marketmetrics.app.topology.market;

import io.marketmetrics.app.topology.asset.Codec;
import org.apache.kafka.common.serialization.Serde;

/**
 * The figures of one asset that only the market-wide stage knows, fed back to the asset stage so that
 * {@code asset-metrics} carries them: its rank, and for an index token its basket's NAV and its premium.
 *
 * @param rank       1-based rank by market cap; null without a market cap
 * @param navUsd     for an index token, the NAV of its basket; null otherwise or while a constituent has no price
 * @param premiumPct for an index token, its premium (negative: discount) to the NAV; null where unknown
 */
public record MarketWideFigures(Integer rank, Double navUsd, Double premiumPct) {

    public static final MarketWideFigures NONE = new MarketWideFigures(null, null, null);

    private static final int NO_RANK = 0;

    public static Serde<MarketWideFigures> serde() {
        return Codec.serde((out, f) -> out.writeInt(f.rank == null ? NO_RANK : f.rank)
                        .writeDouble(f.navUsd == null ? Double.NaN : f.navUsd)
                        .writeDouble(f.premiumPct == null ? Double.NaN : f.premiumPct),
                in -> {
                    int rank = in.readInt();
                    double nav = in.readDouble();
                    double premium = in.readDouble();
                    return new MarketWideFigures(rank == NO_RANK ? null : rank, Double.isNaN(nav) ? null : nav,
                            Double.isNaN(premium) ? null : premium);
                });
    }
}
