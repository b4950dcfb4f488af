package io.marketmetrics.producers.metrics;

import io.marketmetrics.producers.TradePublisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** The publisher's own counts as counters: {@code mm_producer_trades_sent_total} and {@code mm_producer_trades_failed_total}. */
public final class PublisherMeters {

    private PublisherMeters() {
    }

    public static void bind(MeterRegistry registry, TradePublisher publisher) {
        FunctionCounter.builder("mm.producer.trades.sent", publisher, TradePublisher::sent)
                .description("Trades acknowledged by Kafka").register(registry);
        FunctionCounter.builder("mm.producer.trades.failed", publisher, TradePublisher::failed)
                .description("Trades that could not be delivered").register(registry);
    }
}
