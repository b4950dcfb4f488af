package io.marketmetrics.app.topology.calc;

/** One market's inputs to its asset's aggregated price: last USD price, last trade time, USD volume in the window. */
public record MarketQuote(String market, double lastPriceUsd, long lastTradeTime, double volumeUsd) {
}
