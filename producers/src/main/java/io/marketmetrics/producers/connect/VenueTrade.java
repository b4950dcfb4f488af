package io.marketmetrics.producers.connect;

import io.marketmetrics.schema.TakerSide;

/**
 * One trade as a venue reports it, before its symbol is mapped to a configured market.
 *
 * @param symbol the venue's symbol as in the message
 * @param price parsed exactly from the venue's decimal text
 * @param quantity in base units, parsed exactly from the venue's decimal text
 * @param tradeId the venue's trade id
 * @param side the taker side
 * @param timeMillis the venue's trade time, epoch milliseconds
 */
public record VenueTrade(String symbol, double price, double quantity, String tradeId, TakerSide side,
        long timeMillis) {
}
