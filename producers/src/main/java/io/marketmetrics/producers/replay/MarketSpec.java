package io.marketmetrics.producers.replay;

import io.marketmetrics.producers.VenueSymbols;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.time.Instant;

/** The market of a file whose rows do not name it (Binance formats): from {@code --exchange} and {@code --symbol}. */
record MarketSpec(String exchange, String base, String quote) {

    /**
     * @param symbol the venue's symbol, e.g. {@code BTCUSDT} or {@code XRP/ETH}
     * @throws IllegalArgumentException when the symbol cannot be split into base and quote
     */
    static MarketSpec of(String exchange, String symbol) {
        VenueSymbols.Pair pair = VenueSymbols.split(symbol).orElseThrow(() -> new IllegalArgumentException(
                "cannot tell base and quote in symbol \"" + symbol + "\"; write it as BASE-QUOTE, e.g. BTC-USDT"));
        return new MarketSpec(exchange, pair.base(), pair.quote());
    }

    Trade trade(String tradeId, double price, double quantity, Instant time, TakerSide side) {
        return new Trade(exchange, base, quote, price, quantity, tradeId, side, time);
    }
}
