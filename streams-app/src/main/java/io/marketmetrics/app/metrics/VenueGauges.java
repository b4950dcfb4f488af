package io.marketmetrics.app.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.marketmetrics.schema.MarketMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feed staleness: per venue, the seconds since the event time of its latest trade among this instance's
 * markets (the freshest over all instances is the {@code min} across them). At most {@code max} venues, by
 * name; the number left out is itself a gauge, so a cut never goes unnoticed.
 */
final class VenueGauges {

    private static final Logger log = LoggerFactory.getLogger(VenueGauges.class);

    private final int max;
    private final LongSupplier clock;
    private final MultiGauge age;
    private final AtomicInteger untracked = new AtomicInteger();

    VenueGauges(MeterRegistry registry, int max, LongSupplier clock) {
        this.max = max;
        this.clock = clock;
        this.age = MultiGauge.builder("mm.venue.last.trade.age").baseUnit("seconds")
                .description("Seconds since the event time of the venue's latest trade seen by this instance")
                .register(registry);
        Gauge.builder("mm.venue.untracked", untracked, AtomicInteger::get)
                .description("Venues without a last-trade-age gauge because of the configured maximum")
                .register(registry);
    }

    /** Re-reads the latest trade time of every venue among {@code local} (this instance's markets). */
    void update(Collection<MarketMetrics> local) {
        Map<String, Long> latest = new TreeMap<>();
        for (MarketMetrics m : local) {
            latest.merge(m.getExchange(), m.getLastTradeTime().toEpochMilli(), Math::max);
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        latest.entrySet().stream().limit(max).forEach(e -> {
            long last = e.getValue();
            rows.add(MultiGauge.Row.of(Tags.of("venue", e.getKey()), () -> (clock.getAsLong() - last) / 1000.0));
        });
        age.register(rows, true);
        int left = Math.max(0, latest.size() - max);
        if (left > 0 && untracked.get() == 0) {
            log.warn("{} venues exceed the maximum of {} venue gauges and have none", left, max);
        }
        untracked.set(left);
    }
}
