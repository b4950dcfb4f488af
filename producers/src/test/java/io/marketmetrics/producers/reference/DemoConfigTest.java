package io.marketmetrics.producers.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketmetrics.producers.simulate.SimulatedMarkets;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.PricePoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's config/: valid, realistic, and consistent between the reference data and the simulator. */
class DemoConfigTest {

    private static final Path CONFIG = Path.of("..", "config");

    private final ReferenceData reference = ReferenceData.load(CONFIG.resolve("reference.yaml"));
    private final SimulatedMarkets markets = SimulatedMarkets.load(CONFIG.resolve("simulator.yaml"), reference);
    private final Map<String, AssetReference> assets = reference.assets().stream()
            .collect(Collectors.toMap(AssetReference::getSymbol, Function.identity()));

    @Test
    void theBundledCopiesAreTheFilesOfConfig() {
        assertThat(ReferenceData.bundled()).isEqualTo(reference);
        assertThat(SimulatedMarkets.bundled()).isEqualTo(markets);
    }

    @Test
    void aboutThirtyRealAssetsWithSuppliesAndCategories() {
        assertThat(reference.assets()).hasSizeBetween(28, 35);
        assertThat(assets).containsKeys("BTC", "ETH", "SOL", "XRP", "BNB", "UNI", "AAVE", "LINK", "LDO", "CRV", "COMP",
                "ENA", "PENDLE", "USDT", "USDC");
        assertThat(reference.assets()).allSatisfy(a -> {
            assertThat(a.getName()).isNotBlank();
            assertThat(a.getCategories()).isNotEmpty();
            assertThat(a.getCirculatingSupply()).isPositive();
        });
        AssetReference btc = assets.get("BTC");
        assertThat(btc.getMaxSupply()).isEqualTo(21_000_000.0);
        assertThat(btc.getCirculatingSupply()).isBetween(19_500_000.0, 21_000_000.0);
        assertThat(assets.get("ETH").getMaxSupply()).isNull();
        assertThat(assets.get("USDT").getCategories()).containsExactly("stablecoin");
    }

    @Test
    void defiSsiAsOnItsPage() {
        assertThat(assets.get("DEFI.SSI")).isEqualTo(new AssetReference("DEFI.SSI", "DEFI.ssi", List.of("defi", "index"),
                25_500_000.0, 25_500_000.0, 25_500_000.0,
                new PricePoint(1.03, Instant.parse("2025-01-06T00:00:00Z")),
                new PricePoint(0.2554, Instant.parse("2026-02-06T00:00:00Z"))));
    }

    @Test
    void theBasketHasTenDefiTokensWorthAbout035UsdAtTheSimulatorsPrices() {
        IndexDefinition basket = reference.indexes().stream().filter(i -> i.getSymbol().equals("DEFI.SSI")).findFirst()
                .orElseThrow();
        assertThat(basket.getConstituents()).hasSize(10);
        Map<String, Double> prices = markets.assets().stream().filter(a -> !a.index())
                .collect(Collectors.toMap(SimulatedMarkets.Asset::symbol, SimulatedMarkets.Asset::priceUsd));
        double nav = 0;
        for (IndexConstituent c : basket.getConstituents()) {
            assertThat(assets.get(c.getAsset()).getCategories()).contains("defi");
            nav += c.getUnits() * prices.get(c.getAsset());
        }
        assertThat(nav).isCloseTo(0.35, within(0.005));
    }

    @Test
    void fiveVenuesWithTheirTradePages() {
        assertThat(reference.exchanges()).extracting(ExchangeReference::getId)
                .containsExactlyInAnyOrder("binance", "coinbase", "kraken", "okx", "bybit");
        Map<String, String> urls = reference.exchanges().stream()
                .collect(Collectors.toMap(ExchangeReference::getId, ExchangeReference::getTradeUrl));
        assertThat(urls.get("binance")).startsWith("https://www.binance.com/");
        assertThat(urls.get("coinbase")).startsWith("https://www.coinbase.com/");
        assertThat(urls.get("kraken")).startsWith("https://pro.kraken.com/");
        assertThat(urls.get("okx")).startsWith("https://www.okx.com/");
        assertThat(urls.get("bybit")).startsWith("https://www.bybit.com/");
    }

    @Test
    void everySimulatedAssetQuoteAndVenueHasReferenceData() {
        assertThat(markets.assets()).extracting(SimulatedMarkets.Asset::symbol).allSatisfy(s -> assertThat(assets).containsKey(s));
        assertThat(markets.venues()).extracting(SimulatedMarkets.Venue::id)
                .containsExactlyInAnyOrderElementsOf(reference.exchanges().stream().map(ExchangeReference::getId).toList());
        assertThat(markets.venues()).flatExtracting(v -> List.copyOf(v.quotes().keySet()))
                .filteredOn(q -> !q.equals("USD"))
                .allSatisfy(q -> assertThat(assets).containsKey(q));
        assertThat(markets.baskets()).containsOnlyKeys("DEFI.SSI");
    }
}
