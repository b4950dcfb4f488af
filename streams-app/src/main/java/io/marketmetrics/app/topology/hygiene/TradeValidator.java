package io.marketmetrics.app.topology.hygiene;

import io.marketmetrics.model.Symbols;
import io.marketmetrics.schema.Trade;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The validity rules of METRICS.md ("Input hygiene") for one trade record, without state. */
public final class TradeValidator {

    /** 2009-01-03T00:00:00Z, the day of Bitcoin's first block: nothing traded before. */
    public static final long EARLIEST_EVENT_TIME = Instant.parse("2009-01-03T00:00:00Z").toEpochMilli();

    private final long futureToleranceMs;

    public TradeValidator(Duration futureTolerance) {
        this.futureToleranceMs = futureTolerance.toMillis();
    }

    /** The first rule {@code trade} (keyed {@code key}) breaks at wall-clock time {@code nowMs}; empty when valid. */
    public Optional<RejectReason> check(String key, Trade trade, long nowMs) {
        if (trade == null) {
            return Optional.of(RejectReason.MISSING_VALUE);
        }
        if (!isPositive(trade.getPrice())) {
            return Optional.of(RejectReason.INVALID_PRICE);
        }
        if (!isPositive(trade.getQuantity())) {
            return Optional.of(RejectReason.INVALID_QUANTITY);
        }
        if (!Symbols.isExchangeId(trade.getExchange())) {
            return Optional.of(RejectReason.INVALID_EXCHANGE);
        }
        if (!Symbols.isAssetSymbol(trade.getBase()) || !Symbols.isAssetSymbol(trade.getQuote())) {
            return Optional.of(RejectReason.INVALID_SYMBOL);
        }
        if (trade.getBase().equals(trade.getQuote())) {
            return Optional.of(RejectReason.SAME_BASE_AND_QUOTE);
        }
        long time = trade.getEventTime().toEpochMilli();
        if (time < EARLIEST_EVENT_TIME) {
            return Optional.of(RejectReason.TIME_BEFORE_2009);
        }
        if (time > nowMs + futureToleranceMs) {
            return Optional.of(RejectReason.TIME_IN_FUTURE);
        }
        if (!trade.getBase().equals(key)) {
            return Optional.of(RejectReason.KEY_NOT_BASE);
        }
        return Optional.empty();
    }

    private static boolean isPositive(double x) {
        return Double.isFinite(x) && x > 0;
    }
}
