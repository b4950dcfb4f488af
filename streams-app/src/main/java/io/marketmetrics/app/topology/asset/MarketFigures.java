package io.marketmetrics.app.topology.asset;

import static io.marketmetrics.app.topology.calc.Figures.orNull;

import io.marketmetrics.app.topology.calc.Extremes;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.MarketMetrics;
import java.time.Instant;

/** A market's published figures (METRICS.md, "Per market") from its summary. */
final class MarketFigures {

    private MarketFigures() {
    }

    /** @param exchange the exchange's reference data, for the trade URL; null when none */
    static MarketMetrics build(String market, MarketState s, ExchangeReference exchange) {
        double volumeUsd = s.window.volumeUsd();
        double assetVolumeUsd = s.assetVolumeUsd;
        Extremes x = s.window.extremes();
        String template = exchange == null ? null : exchange.getTradeUrl();
        return MarketMetrics.newBuilder()
                .setMarket(market)
                .setExchange(s.exchange)
                .setBase(s.base)
                .setQuote(s.quote)
                .setLastPrice(s.lastPrice)
                .setLastPriceUsd(orNull(s.lastPriceUsd))
                .setVolume24hBase(s.window.volumeBase())
                .setVolume24hQuote(s.window.volumeQuote())
                .setVolume24hUsd(volumeUsd)
                .setVolumeSharePct(assetVolumeUsd > 0 ? 100 * volumeUsd / assetVolumeUsd : null)
                .setHigh24h(orNull(x.high()))
                .setLow24h(orNull(x.low()))
                .setTradeCount24h(s.window.tradeCount())
                .setLastTradeTime(Instant.ofEpochMilli(s.lastTradeTime))
                .setTradeUrl(template == null ? null : template.replace("{base}", s.base).replace("{quote}", s.quote))
                .setUpdatedAt(Instant.ofEpochMilli(s.evaluatedAt))
                .build();
    }
}
