package io.marketmetrics.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.marketmetrics.schema.MarketMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class VenueGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong(1_000_000);

    private static MarketMetrics market(String exchange, String base, long lastTrade) {
        return MarketMetrics.newBuilder().setMarket(exchange + ":" + base + "-USD").setExchange(exchange).setBase(base).setQuote("USD")
                .setLastPrice(1.0).setVolume24hBase(0.0).setVolume24hQuote(0.0).setVolume24hUsd(0.0)
                .setLastTradeTime(Instant.ofEpochMilli(lastTrade)).setUpdatedAt(Instant.EPOCH).build();
    }

    private double age(String venue) {
        return registry.get("mm.venue.last.trade.age").tag("venue", venue).gauge().value();
    }

    @Test
    void ageOfTheFreshestTradePerVenueGrowsWithTheClockAndIsCappedInVenues() {
        VenueGauges gauges = new VenueGauges(registry, 2, now::get);
        gauges.update(List.of(market("kraken", "BTC", 990_000L), market("kraken", "ETH", 998_000L),
                market("binance", "BTC", 940_000L), market("okx", "BTC", 999_000L)));
        // By name: binance and kraken; okx is left out and counted.
        assertThat(age("binance")).isEqualTo(60.0);
        assertThat(age("kraken")).isEqualTo(2.0);
        assertThat(registry.find("mm.venue.last.trade.age").tag("venue", "okx").gauge()).isNull();
        assertThat(registry.get("mm.venue.untracked").gauge().value()).isEqualTo(1.0);
        now.addAndGet(5_000);
        assertThat(age("kraken")).isEqualTo(7.0);

        gauges.update(List.of(market("kraken", "BTC", 1_004_000L)));
        assertThat(age("kraken")).isEqualTo(1.0);
        assertThat(registry.find("mm.venue.last.trade.age").tag("venue", "binance").gauge()).isNull();
        assertThat(registry.get("mm.venue.untracked").gauge().value()).isZero();
    }
}
