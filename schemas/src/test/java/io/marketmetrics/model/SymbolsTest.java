package io.marketmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
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

    @Test
    void theChecksAgreeWithTheirPatterns() {
        // Drawn from all of these, or from the characters of one kind, so that valid strings of every length occur.
        String[] alphabets = {"abcxyzABCXYZ0129.-:_ \u00e9\u00c5", "abcxyz0129-", "ABCXYZ0129."};
        Random random = new Random(42);
        int exchangeIds = 0;
        int symbols = 0;
        for (int n = 0; n < 200_000; n++) {
            String alphabet = alphabets[n % alphabets.length];
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(36); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = s.toString();
            assertThat(Symbols.isExchangeId(candidate)).as(candidate).isEqualTo(Symbols.EXCHANGE_ID.matcher(candidate).matches());
            assertThat(Symbols.isAssetSymbol(candidate)).as(candidate).isEqualTo(Symbols.ASSET_SYMBOL.matcher(candidate).matches());
            exchangeIds += Symbols.isExchangeId(candidate) ? 1 : 0;
            symbols += Symbols.isAssetSymbol(candidate) ? 1 : 0;
        }
        assertThat(exchangeIds).as("valid exchange ids among the candidates").isGreaterThan(10_000);
        assertThat(symbols).as("valid symbols among the candidates").isGreaterThan(10_000);
        assertThat(Symbols.isExchangeId(null)).isFalse();
        assertThat(Symbols.isAssetSymbol(null)).isFalse();
    }
}
