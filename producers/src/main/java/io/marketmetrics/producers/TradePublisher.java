package io.marketmetrics.producers;

import io.marketmetrics.producers.kafka.AvroPublisher;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.schema.Trade;

/**
 * The sink of every trade source in production: publishes each trade to the {@code trades} topic,
 * keyed by its base asset (INTERFACES.md, "Topics"), through one no-loss {@link AvroPublisher}.
 */
public final class TradePublisher implements TradeSink, AutoCloseable {

    private final AvroPublisher publisher;
    private final String topic;

    public TradePublisher(PublishTarget target) {
        this.publisher = new AvroPublisher(target);
        this.topic = target.topics().trades();
    }

    /** @throws io.marketmetrics.cli.UserError when Kafka or the registry is unreachable or a trade was lost */
    @Override
    public void accept(Trade trade) {
        publisher.send(topic, trade.getBase(), trade);
    }

    /** Trades acknowledged by the broker. */
    public long sent() {
        return publisher.sent();
    }

    /** Trades that could not be delivered. */
    public long failed() {
        return publisher.failed();
    }

    /** Waits until every trade accepted so far is acknowledged. @throws io.marketmetrics.cli.UserError after a loss */
    public void flush() {
        publisher.flush();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
