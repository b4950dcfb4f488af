package io.marketmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SymbolsTest {

    @Test
    void aMarketIdSplitsBackIntoItsBaseAndQuote() {
        String id = Symbols.marketId("gate-io", "DEFI.SSI", "USDT");
        assertThat(id).isEqualTo("gate-io:DEFI.SSI-USDT");
        assertThat(Symbols.baseOfMarket(id)).isEqualTo("DEFI.SSI");
        assertThat(Symbols.quoteOfMarket(id)).isEqualTo("USDT");
    }

    @Test
    void anythingElseIsNoMarketId() {
        for (String notMarket : new String[] {"BTC", "binance:BTC", "binance:-USDT", "binance:BTC-", "binance-BTC", null}) {
            assertThat(Symbols.baseOfMarket(notMarket)).as(notMarket).isNull();
            assertThat(Symbols.quoteOfMarket(notMarket)).as(notMarket).isNull();
        }
    }
}
