package io.marketmetrics.app.topology.hygiene;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.Trade;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for every source of the topology, so that a replay of history computes what live did.
 * A trade's time is its {@code eventTime}, but only when the trade is valid: an invalid trade (dated next
 * year, or with a bad price or symbol and a time hours ahead of its partition) must not move stream time, or
 * every later trade of the partition would be late; it gets its partition's current time and is rejected by
 * the hygiene step. Reference data is timeless: 0, which never moves stream time
 * and lets reference records be picked before the trades they describe.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    private final TradeValidator validator;

    public EventTimeExtractor(TradeValidator validator) {
        this.validator = validator;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        if (value instanceof Trade trade) {
            long time = trade.getEventTime().toEpochMilli();
            String key = record.key() instanceof String k ? k : null;
            return validator.check(key, trade, System.currentTimeMillis()).isEmpty() ? time : Math.max(partitionTime, 0);
        }
        if (value instanceof AssetMetrics metrics) {
            return metrics.getUpdatedAt().toEpochMilli();
        }
        return 0;
    }
}
