package io.marketmetrics.producers.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.producers.yaml.InvalidFileException;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.PricePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference file is validated as a whole: every problem is reported, each with its path in the file. */
class ReferenceValidationTest {

    @TempDir
    Path dir;

    @Test
    void theShapeOfInterfacesMdReadsIntoTheAvroRecords() throws Exception {
        Path file = Files.writeString(dir.resolve("ref.yaml"), """
                assets:
                  - symbol: DEFI.SSI
                    name: DEFI.ssi
                    categories: [defi, index]
                    circulatingSupply: 25500000
                    totalSupply: 25500000
                    maxSupply: 25500000
                    ath: {priceUsd: 1.03, time: "2025-01-06T00:00:00Z"}
                    atl: {priceUsd: 0.2554, time: 2026-02-06T00:00:00Z}
                  - symbol: UNI
                exchanges:
                  - id: binance
                    name: Binance
                    tradeUrl: "https://www.binance.com/en/trade/{base}_{quote}"
                indexes:
                  - symbol: DEFI.SSI
                    effectiveFrom: "2026-11-01T00:00:00Z"
                    constituents:
                      - {asset: UNI, units: 0.0123}
                """);
        ReferenceData data = ReferenceData.load(file);
        assertThat(data.assets()).containsExactly(
                new AssetReference("DEFI.SSI", "DEFI.ssi", List.of("defi", "index"), 25_500_000.0, 25_500_000.0, 25_500_000.0,
                        new PricePoint(1.03, Instant.parse("2025-01-06T00:00:00Z")),
                        new PricePoint(0.2554, Instant.parse("2026-02-06T00:00:00Z"))),
                new AssetReference("UNI", null, List.of(), null, null, null, null, null));
        assertThat(data.exchanges()).containsExactly(
                new ExchangeReference("binance", "Binance", "https://www.binance.com/en/trade/{base}_{quote}"));
        assertThat(data.indexes()).containsExactly(new IndexDefinition("DEFI.SSI", Instant.parse("2026-11-01T00:00:00Z"),
                List.of(new IndexConstituent("UNI", 0.0123, null))));
    }

    @Test
    void jsonFilesReadTheSame() throws Exception {
        Path file = Files.writeString(dir.resolve("ref.json"), """
                {"assets": [{"symbol": "BTC", "circulatingSupply": 19880000, "maxSupply": 21000000}],
                 "indexes": [{"symbol": "X.I", "constituents": [{"asset": "BTC", "units": 1, "maxWeightPct": 50}]}]}
                """);
        ReferenceData data = ReferenceData.load(file);
        assertThat(data.assets()).containsExactly(
                new AssetReference("BTC", null, List.of(), 19_880_000.0, null, 21_000_000.0, null, null));
        assertThat(data.exchanges()).isEmpty();
        // No effectiveFrom: the basket applies from the epoch on.
        assertThat(data.indexes()).containsExactly(new IndexDefinition("X.I", Instant.EPOCH,
                List.of(new IndexConstituent("BTC", 1.0, 50.0))));
    }

    @Test
    void everyErrorIsReportedWithItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                assets:
                  - {symbol: BTC, circulatingSupply: 19880000}
                  - {symbol: eth}
                  - {symbol: SOL, totalSupply: 10, maxSupply: 5}
                  - {symbol: UNI, circulatingSupply: -1, categories: [defi, DeFi]}
                  - {symbol: BTC, name: "", supply: 3}
                  - {name: Nameless, ath: {priceUsd: 2, time: yesterday}, atl: {priceUsd: 3, time: "2020-01-01T00:00:00Z"}}
                  - 42
                exchanges:
                  - {id: binance, tradeUrl: "https://www.binance.com/en/trade/BTC_USDT"}
                  - {name: Kraken}
                indexes:
                  - {symbol: DEFI.SSI, effectiveFrom: soon, constituents: [{asset: UNI, units: 0}, {asset: UNI, units: "1"}]}
                  - {symbol: EMPTY.I, constituents: []}
                  - {symbol: NONE.I}
                markets: []
                """);
        assertThatThrownBy(() -> ReferenceData.load(file))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        "markets: unknown key (expected one of assets, exchanges, indexes)",
                        "assets[1].symbol: must be an asset symbol (upper case [A-Z0-9.]{1,20}), got \"eth\"",
                        "assets[2].totalSupply: must not exceed maxSupply (10.0 > 5.0)",
                        "assets[3].categories[1]: must be a category id (lower case [a-z0-9-]{1,32}), got \"DeFi\"",
                        "assets[3].circulatingSupply: must be a number >= 0, got -1",
                        "assets[4].supply: unknown key (expected one of ath, atl, categories, circulatingSupply, maxSupply, "
                                + "name, symbol, totalSupply)",
                        "assets[4].name: must not be blank, got \"\"",
                        "assets[5].symbol: is required",
                        "assets[5].ath.time: must be an ISO-8601 UTC time like 2025-01-06T00:00:00Z, got \"yesterday\"",
                        "assets[6]: must be a mapping",
                        "exchanges[0].tradeUrl: must be an http(s) URL template containing {base} and {quote}, "
                                + "got \"https://www.binance.com/en/trade/BTC_USDT\"",
                        "exchanges[1].id: is required",
                        "indexes[0].effectiveFrom: must be an ISO-8601 UTC time like 2025-01-06T00:00:00Z, got \"soon\"",
                        "indexes[0].constituents[0].units: must be a number > 0, got 0",
                        "indexes[0].constituents[1].units: must be a number > 0, got \"1\"",
                        "indexes[1].constituents: must list at least one constituent",
                        "indexes[2].constituents: is required",
                        "assets[4].symbol: duplicate BTC (first at assets[0])",
                        "indexes[0].constituents[1].asset: duplicate UNI (first at indexes[0].constituents[0])"))
                .hasMessageStartingWith(file + ": 19 errors");
    }

    @Test
    void anAtlAboveTheAthIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("r.yaml"), """
                assets:
                  - {symbol: X, ath: {priceUsd: 2, time: "2021-01-01T00:00:00Z"}, atl: {priceUsd: 3, time: "2020-01-01T00:00:00Z"}}
                """);
        assertThatThrownBy(() -> ReferenceData.load(file))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.errors())
                        .containsExactly("assets[0].atl: priceUsd 3.0 is above the ath's 2.0"));
    }

    @Test
    void aSyntaxErrorNamesItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("r.yaml"), "assets:\n  - {symbol: BTC\n  - {symbol: ETH}\n");
        assertThatThrownBy(() -> ReferenceData.load(file))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.errors()).singleElement()
                        .asString().startsWith("line 3, column ").contains("not valid YAML"));
    }

    @Test
    void aMissingFileIsOneError() {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ReferenceData.load(file)).hasMessage(file + ": 1 error" + System.lineSeparator()
                + "  file not found");
    }
}
