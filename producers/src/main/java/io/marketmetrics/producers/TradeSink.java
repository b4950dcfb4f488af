package io.marketmetrics.producers;

import io.marketmetrics.schema.Trade;

/** Where a {@link TradeSource} hands its trades: in production the publisher, in tests a list. */
@FunctionalInterface
public interface TradeSink {

    void accept(Trade trade);
}
