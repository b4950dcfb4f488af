package io.marketmetrics.app.topology.hygiene;

import io.marketmetrics.app.topology.TradeCounters;
import io.marketmetrics.model.Symbols;
import io.marketmetrics.schema.Trade;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Input hygiene (METRICS.md): invalid and late trades to the dead-letter topic, duplicates by
 * (market, trade id) within the dedupe window dropped and counted; the rest forwarded unchanged.
 */
final class HygieneProcessor implements Processor<String, Trade, String, SpecificRecord> {

    private static final byte[] SEEN = new byte[0];

    private final TradeValidator validator;
    private final String storeName;
    private final long graceMs;
    private final long dedupeWindowMs;
    private ProcessorContext<String, SpecificRecord> context;
    private WindowStore<String, byte[]> accepted;
    private TradeCounters counters;

    HygieneProcessor(TradeValidator validator, String storeName, Duration grace, Duration dedupeWindow) {
        this.validator = validator;
        this.storeName = storeName;
        this.graceMs = grace.toMillis();
        this.dedupeWindowMs = dedupeWindow.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.accepted = context.getStateStore(storeName);
        this.counters = new TradeCounters(context.metrics());
    }

    @Override
    public void process(Record<String, Trade> record) {
        Trade trade = record.value();
        validator.check(record.key(), trade, context.currentSystemTimeMs()).ifPresent(reason -> reject(reason, trade));
        long time = trade.getEventTime().toEpochMilli();
        long streamTime = context.currentStreamTimeMs();
        String id = Symbols.marketId(trade.getExchange(), trade.getBase(), trade.getQuote()) + ' ' + trade.getTradeId();
        try (WindowStoreIterator<byte[]> seen = accepted.fetch(id, streamTime - dedupeWindowMs, streamTime)) {
            if (seen.hasNext()) {
                counters.duplicate();
                return;
            }
        }
        if (time < streamTime - graceMs) {
            reject(RejectReason.LATE, trade);
        }
        accepted.put(id, SEEN, time);
        context.forward(record.<SpecificRecord>withValue(trade));
    }

    private void reject(RejectReason reason, Trade trade) {
        counters.rejected(reason);
        throw new RejectedTradeException(reason, String.valueOf(trade));
    }
}
