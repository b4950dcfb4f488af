package io.marketmetrics.app.topology.hygiene;

import io.marketmetrics.app.topology.CommitHook;
import io.marketmetrics.app.topology.TradeCounters;
import io.marketmetrics.model.Symbols;
import io.marketmetrics.schema.Trade;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Input hygiene (METRICS.md): invalid and late trades to the dead-letter topic, duplicates by
 * (market, trade id) within the dedupe window dropped and counted; the rest forwarded unchanged. The accepted ids
 * are held in memory and stored in batches, one before each commit ({@link AcceptedTrades}).
 */
final class HygieneProcessor implements Processor<String, Trade, String, SpecificRecord> {

    private final TradeValidator validator;
    private final long graceMs;
    private final long dedupeWindowMs;
    private ProcessorContext<String, SpecificRecord> context;
    private AcceptedTrades accepted;
    private TradeCounters counters;

    HygieneProcessor(TradeValidator validator, Duration grace, Duration dedupeWindow) {
        this.validator = validator;
        this.graceMs = grace.toMillis();
        this.dedupeWindowMs = dedupeWindow.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.accepted = new AcceptedTrades(context.getStateStore(HygieneStage.ACCEPTED_TRADE_IDS), dedupeWindowMs);
        this.counters = new TradeCounters(context.metrics());
        context.<CommitHook>getStateStore(HygieneStage.BEFORE_COMMIT).beforeEachCommit(context, accepted::flush);
    }

    @Override
    public void process(Record<String, Trade> record) {
        Trade trade = record.value();
        validator.check(record.key(), trade, context.currentSystemTimeMs()).ifPresent(reason -> reject(reason, trade));
        long time = trade.getEventTime().toEpochMilli();
        long streamTime = context.currentStreamTimeMs();
        long id = AcceptedTrades.id(Symbols.marketId(trade.getExchange(), trade.getBase(), trade.getQuote()), trade.getTradeId());
        if (accepted.acceptedSince(id, streamTime - dedupeWindowMs, streamTime)) {
            counters.duplicate();
            return;
        }
        if (time < streamTime - graceMs) {
            reject(RejectReason.LATE, trade);
        }
        accepted.accept(id, time, streamTime);
        context.forward(record.<SpecificRecord>withValue(trade));
    }

    private void reject(RejectReason reason, Trade trade) {
        counters.rejected(reason);
        throw new RejectedTradeException(reason, String.valueOf(trade));
    }
}
