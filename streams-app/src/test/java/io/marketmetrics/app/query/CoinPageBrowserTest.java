package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.serde.MockSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The coin page in a real browser (Debian's headless Chromium, driven by Selenium): /assets/BTC from a
 * running instance shows the figures the API reports, the markets in the order of their 24h volume with
 * their share and trade links, and follows a live update; / lists the assets by rank.
 */
class CoinPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String REGISTRY = "mock://coin-page-test";

    @TempDir
    Path dir;

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope("coin-page-test");
    }

    @Test
    void assetPageShowsTheApiFiguresAndMarketsInOrder() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and its driver are not installed (apt-get install chromium chromium-driver): browser test skipped");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            FiguresFixture.provisionTopics(bootstrap);
            FiguresFixture.publishAll(bootstrap, REGISTRY);
            try (MetricsService app = FiguresFixture.startInstance(bootstrap, REGISTRY, "coin-page-test", dir.resolve("app"))) {
                String base = "http://127.0.0.1:" + app.httpPort();
                await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(base + "/api/v1/assets/BTC/markets").status() == 200
                        && Http.get(base + "/api/v1/assets?limit=1000").json().size() == FiguresFixture.SYMBOLS.size());
                JsonNode api = Http.get(base + "/api/v1/assets/BTC").json();
                JsonNode markets = Http.get(base + "/api/v1/assets/BTC/markets").json();

                WebDriver browser = browser();
                try {
                    browser.get(base + "/assets/BTC");
                    await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(By.cssSelector("#markets tbody tr")).size() == 3);

                    for (String field : List.of("priceUsd:price", "change1hPct:change1h", "change24hPct:change24h", "change7dPct:change7d",
                            "volume24hUsd:volume24h", "marketCapUsd:marketCap", "fdvUsd:fdv", "volumeToMarketCap:volumeToMarketCap",
                            "high24hUsd:high24h", "low24hUsd:low24h", "athUsd:ath", "pctFromAth:pctFromAth", "atlUsd:atl",
                            "pctFromAtl:pctFromAtl", "rank:rank")) {
                        String[] f = field.split(":");
                        String shown = browser.findElement(By.id(f[1])).getAttribute("data-value");
                        if (api.get(f[0]).isNull()) {
                            assertThat(shown).as(f[0]).isEmpty();
                        } else {
                            assertThat(Double.parseDouble(shown)).as(f[0]).isEqualTo(api.get(f[0]).asDouble());
                        }
                    }
                    // BTC is asset 0 of the fixture: price 100, rank 1, market cap 12 billion, ATH of 2025-10-06.
                    assertThat(text(browser, "price")).isEqualTo("$100.0000");
                    assertThat(text(browser, "marketCap")).isEqualTo("$12,000,000,000");
                    assertThat(text(browser, "rank")).isEqualTo("Rank #1");
                    assertThat(text(browser, "athDate")).isEqualTo("2025-10-06");
                    assertThat(text(browser, "pctFromAth")).isEqualTo("-40.00%");
                    assertThat(text(browser, "name")).isEqualTo("Asset BTC");
                    assertThat(browser.findElement(By.cssSelector("#sparkline svg")).getAttribute("data-points")).isEqualTo("2");
                    assertThat(browser.findElements(By.cssSelector("#sparkline svg polyline"))).hasSize(1);

                    List<WebElement> rows = browser.findElements(By.cssSelector("#markets tbody tr"));
                    List<String> shownOrder = new ArrayList<>();
                    rows.forEach(r -> shownOrder.add(r.getAttribute("data-market")));
                    List<String> apiOrder = new ArrayList<>();
                    markets.forEach(m -> apiOrder.add(m.get("market").asText()));
                    assertThat(shownOrder).isEqualTo(apiOrder).isEqualTo(FiguresFixture.marketOrder(0));
                    WebElement top = rows.get(0);
                    assertThat(top.findElements(By.tagName("td")).get(6).getText()).isEqualTo("50.00%");
                    assertThat(top.findElement(By.linkText("Trade")).getAttribute("href"))
                            .isEqualTo("https://coinbase.example/trade/BTC_USD");

                    // Live: a new price reaches the open page through the stream.
                    await().atMost(Duration.ofSeconds(10)).until(() -> "live".equals(text(browser, "live")));
                    AssetMetrics moved = AssetMetrics.newBuilder(FiguresFixture.asset(0)).setPriceUsd(123.25).build();
                    FiguresFixture.publish(bootstrap, REGISTRY, moved, List.of());
                    await().atMost(Duration.ofSeconds(30)).until(() -> "123.25".equals(
                            browser.findElement(By.id("price")).getAttribute("data-value")));

                    browser.get(base + "/");
                    await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(By.cssSelector("#assets tbody tr")).size()
                            == FiguresFixture.SYMBOLS.size());
                    List<String> ranked = new ArrayList<>();
                    browser.findElements(By.cssSelector("#assets tbody tr")).forEach(r -> ranked.add(r.getAttribute("data-symbol")));
                    assertThat(ranked).containsExactly("BTC", "ETH", "SOL", "XRP", "BNB", "DOGE", "ADA", "TRX", "AVAX", "DOT", "BCH", "LTC");
                } finally {
                    browser.quit();
                }
            }
        }
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1600");
        // The driver is given: Selenium Manager must not try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        return new ChromeDriver(service, options);
    }
}
