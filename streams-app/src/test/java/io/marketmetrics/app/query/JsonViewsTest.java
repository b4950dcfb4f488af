package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The asset and market views are written field by field: the JSON they give, compared with what INTERFACES.md
 * describes for the fixture's figures, written out here by hand (field order, nulls, numbers as Jackson writes a
 * double, times as ISO-8601 UTC).
 */
class JsonViewsTest {

    private static final String MARKET = "{\"market\":\"binance:BTC-USDT\",\"exchange\":\"binance\",\"base\":\"BTC\",\"quote\":\"USDT\","
            + "\"lastPrice\":99.5,\"lastPriceUsd\":99.5,\"volume24hBase\":3.0,\"volume24hQuote\":300.0,\"volume24hUsd\":300.0,"
            + "\"volumeSharePct\":30.0,\"high24h\":101.0,\"low24h\":98.0,\"lastTradeTime\":\"2026-11-20T10:15:30Z\","
            + "\"tradeUrl\":\"https://binance.example/trade/BTC_USDT\"}";

    @Test
    void assetWithRankAndMarketCap() throws JsonProcessingException {
        assertThat(JsonViews.string(JsonViews.asset(FiguresFixture.asset(0)))).isEqualTo("{\"symbol\":\"BTC\",\"name\":\"Asset BTC\","
                + "\"priceUsd\":100.0,\"volume24hUsd\":1000.0,\"volume24hBase\":10.0,\"high24hUsd\":110.0,\"low24hUsd\":90.0,"
                + "\"change1hPct\":null,\"change24hPct\":-5.0,\"change7dPct\":null,\"athUsd\":200.0,\"athTime\":\"2025-10-06T12:00:00Z\","
                + "\"pctFromAth\":-40.0,\"atlUsd\":10.0,\"atlTime\":\"2020-03-13T00:00:00Z\",\"pctFromAtl\":900.0,\"marketCapUsd\":1.2E10,"
                + "\"fdvUsd\":null,\"volumeToMarketCap\":null,\"circulatingSupply\":null,\"totalSupply\":null,\"maxSupply\":null,\"rank\":1,"
                + "\"categories\":[\"layer-1\"],\"sparkline7d\":[" + "null,".repeat(166) + "90.0,95.0],\"marketCount\":3,\"navUsd\":null,"
                + "\"premiumPct\":null,\"lastTradeTime\":\"2026-11-20T10:15:30Z\",\"updatedAt\":\"2026-11-20T10:15:30Z\"}");
    }

    @Test
    void assetWithoutRankOrMarketCap() throws JsonProcessingException {
        assertThat(JsonViews.string(JsonViews.asset(FiguresFixture.asset(11)))).isEqualTo("{\"symbol\":\"BCH\",\"name\":\"Asset BCH\","
                + "\"priceUsd\":111.0,\"volume24hUsd\":12000.0,\"volume24hBase\":120.0,\"high24hUsd\":121.0,\"low24hUsd\":101.0,"
                + "\"change1hPct\":null,\"change24hPct\":11.5,\"change7dPct\":null,\"athUsd\":211.0,\"athTime\":\"2025-10-06T12:00:00Z\","
                + "\"pctFromAth\":-40.0,\"atlUsd\":21.0,\"atlTime\":\"2020-03-13T00:00:00Z\",\"pctFromAtl\":900.0,\"marketCapUsd\":null,"
                + "\"fdvUsd\":null,\"volumeToMarketCap\":null,\"circulatingSupply\":null,\"totalSupply\":null,\"maxSupply\":null,\"rank\":null,"
                + "\"categories\":[\"defi\"],\"sparkline7d\":[" + "null,".repeat(166) + "101.0,106.0],\"marketCount\":3,\"navUsd\":null,"
                + "\"premiumPct\":null,\"lastTradeTime\":\"2026-11-20T10:15:30Z\",\"updatedAt\":\"2026-11-20T10:15:30Z\"}");
    }

    @Test
    void marketAloneAndInAList() throws JsonProcessingException {
        assertThat(JsonViews.string(JsonViews.market(FiguresFixture.markets(0).get(0)))).isEqualTo(MARKET);
        assertThat(JsonViews.string(List.of(JsonViews.market(FiguresFixture.markets(0).get(0))))).isEqualTo("[" + MARKET + "]");
    }

    @Test
    void asATreeForTheMergedLists() {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.valueToTree(JsonViews.market(FiguresFixture.markets(0).get(0))).toString()).isEqualTo(MARKET);
    }
}
