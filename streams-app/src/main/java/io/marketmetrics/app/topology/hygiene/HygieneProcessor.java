package io.marketmetrics.app.topology.hygiene;

import io.marketmetrics.app.topology.TradeCounters;
import io.marketmetrics.model.Symbols;
import io.marketmetrics.schema.Trade;
import java.nio.ByteBuffer;
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
 *
 * <p>Each accepted id is stored with its event time as value, at the start of the window-long bucket its event
 * time falls in. The ids accepted within the window before stream time {@code T} then lie in the buckets of
 * {@code T - window} and {@code T}: a duplicate check is two point reads, where a read of every id stored at its own
 * time in {@code [T - window, T]} was a range read over the store's segments (a RocksDB iterator per segment, about
 * 6 % of the stream thread's samples at the bench's default size). The stored time keeps the window exact: an id
 * found in the older bucket counts only if it was accepted at or after {@code T - window}.
 *
 * <p>Ids stored before this layout are at their own event time with an empty value. For one window of stream time
 * after each start, an id not found by the point reads is also looked for that way.
 */
final class HygieneProcessor implements Processor<String, Trade, String, SpecificRecord> {

    private final TradeValidator validator;
    private final String storeName;
    private final long graceMs;
    private final long dedupeWindowMs;
    private ProcessorContext<String, SpecificRecord> context;
    private WindowStore<String, byte[]> accepted;
    private TradeCounters counters;
    /** The stream time until which ids of the former layout may still be within the window; unset until the first trade. */
    private long formerLayoutUntil = Long.MIN_VALUE;

    HygieneProcessor(TradeValidator validator, String storeName, Duration grace, Duration dedupeWindow) {
        this.validator = validator;
        this.storeName = storeName;
        this.graceMs = grace.toMillis();
        this.dedupeWindowMs = dedupeWindow.toMillis();
    }

    /** The store's retention: an id accepted at {@code T - window} lies in a bucket that starts up to a window earlier. */
    static Duration retention(Duration dedupeWindow, Duration grace) {
        return dedupeWindow.multipliedBy(2).plus(grace);
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
        if (formerLayoutUntil == Long.MIN_VALUE) {
            formerLayoutUntil = streamTime + dedupeWindowMs;
        }
        String id = Symbols.marketId(trade.getExchange(), trade.getBase(), trade.getQuote()) + ' ' + trade.getTradeId();
        if (wasAccepted(id, streamTime - dedupeWindowMs, streamTime)) {
            counters.duplicate();
            return;
        }
        if (time < streamTime - graceMs) {
            reject(RejectReason.LATE, trade);
        }
        accepted.put(id, ByteBuffer.allocate(Long.BYTES).putLong(time).array(), bucket(time));
        context.forward(record.<SpecificRecord>withValue(trade));
    }

    /** Whether {@code id} was accepted at an event time in {@code [from, to]}. */
    private boolean wasAccepted(String id, long from, long to) {
        for (long bucket = bucket(from); bucket <= to; bucket += dedupeWindowMs) {
            byte[] time = accepted.fetch(id, bucket);
            if (time != null && time.length == Long.BYTES && ByteBuffer.wrap(time).getLong() >= from) {
                return true;
            }
        }
        if (to <= formerLayoutUntil) {
            try (WindowStoreIterator<byte[]> seen = accepted.fetch(id, from, to)) {
                while (seen.hasNext()) {
                    if (seen.next().value.length == 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The start of the window-long bucket of {@code time}. */
    private long bucket(long time) {
        return Math.floorDiv(time, dedupeWindowMs) * dedupeWindowMs;
    }

    private void reject(RejectReason reason, Trade trade) {
        counters.rejected(reason);
        throw new RejectedTradeException(reason, String.valueOf(trade));
    }
}
