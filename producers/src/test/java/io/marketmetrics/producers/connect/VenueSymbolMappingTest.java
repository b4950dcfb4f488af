package io.marketmetrics.producers.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each venue's symbols to base and quote. */
class VenueSymbolMappingTest {

    @Test
    void concatenatedSymbolsSplitByTheKnownQuoteTheyEndWith() {
        BinanceVenue binance = new BinanceVenue();
        assertThat(binance.market("BTCUSDT")).isEqualTo(new VenueMarket("BTCUSDT", "BTC", "USDT"));
        assertThat(binance.market("btcfdusd")).isEqualTo(new VenueMarket("BTCFDUSD", "BTC", "FDUSD"));
        assertThat(binance.market("ETHBTC")).isEqualTo(new VenueMarket("ETHBTC", "ETH", "BTC"));
        assertThat(binance.market("USDCUSDT")).isEqualTo(new VenueMarket("USDCUSDT", "USDC", "USDT"));
        assertThat(new BybitVenue().market("DOGEUSDT")).isEqualTo(new VenueMarket("DOGEUSDT", "DOGE", "USDT"));
    }

    @Test
    void aQuoteOutsideTheListCanBeNamedWithASeparator() {
        assertThat(new BinanceVenue().market("PEPE-WXYZ")).isEqualTo(new VenueMarket("PEPEWXYZ", "PEPE", "WXYZ"));
        assertThatThrownBy(() -> new BinanceVenue().market("PEPEWXYZ"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BASE-QUOTE");
    }

    @Test
    void eachVenueSpellsItsSymbolsItsOwnWay() {
        assertThat(new CoinbaseVenue().market("btc-usd")).isEqualTo(new VenueMarket("BTC-USD", "BTC", "USD"));
        assertThat(new CoinbaseVenue().market("BTCUSD")).isEqualTo(new VenueMarket("BTC-USD", "BTC", "USD"));
        assertThat(new BybitVenue().market("ETH/USDC")).isEqualTo(new VenueMarket("ETHUSDC", "ETH", "USDC"));
        assertThat(new OkxVenue().market("BTC-USDT")).isEqualTo(new VenueMarket("BTC-USDT", "BTC", "USDT"));
        assertThat(new KrakenVenue().market("ETH/EUR")).isEqualTo(new VenueMarket("ETH/EUR", "ETH", "EUR"));
    }

    @Test
    void krakenLegacyAssetCodesBecomeTheCommonOnes() {
        assertThat(new KrakenVenue().market("XBT/USD")).isEqualTo(new VenueMarket("XBT/USD", "BTC", "USD"));
        assertThat(new KrakenVenue().market("XDG/XBT")).isEqualTo(new VenueMarket("XDG/XBT", "DOGE", "BTC"));
    }

    @Test
    void derivativesAndUnsplittableSymbolsAreRefused() {
        assertThatThrownBy(() -> new OkxVenue().market("BTC-USD-SWAP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spot");
        assertThatThrownBy(() -> new CoinbaseVenue().market("BTCXYZW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KrakenVenue().market("BTC/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void venuesAreFoundByExchangeId() {
        assertThat(Venues.byId("Kraken").exchangeId()).isEqualTo("kraken");
        assertThatThrownBy(() -> Venues.byId("ftx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported exchange 'ftx'; supported: binance, bybit, coinbase, kraken, okx");
    }
}
