package io.marketmetrics.producers.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Coinbase Advanced Trade {@code market_trades} on recorded real messages (cryptofeed capture,
 * BTC-USD and ETH-USD: two 100-trade snapshots, 57 updates, heartbeats and subscription echoes).
 */
class CoinbaseConnectorTest {

    private static final List<String> SUBSCRIBE = List.of(
            "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channel\":\"market_trades\"}",
            "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channel\":\"heartbeats\"}");
    /** A trade without a price. */
    private static final String MALFORMED = "{\"channel\":\"market_trades\",\"events\":[{\"type\":\"update\",\"trades\":"
            + "[{\"product_id\":\"BTC-USD\",\"trade_id\":\"1\",\"size\":\"1\",\"time\":\"2026-08-09T21:05:50Z\",\"side\":\"BUY\"}]}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishesRecordedTradesAcrossADroppedConnection() throws Exception {
        List<String> recorded = RecordedMessages.resource("coinbase-market-trades.jsonl");
        List<String> first = new ArrayList<>(recorded.subList(0, 45)); // ends with a trade message
        first.add(40, MALFORMED);
        List<String> second = recorded.subList(45, recorded.size());

        try (ReplayServer server = ReplayServer.start(2, List.of(first, second), Map.of());
                ConnectorRun run = new ConnectorRun(new CoinbaseVenue(), List.of("BTC-USD", "eth-usd"), server.uri())) {
            long firstTrades = tradeCount(recorded.subList(0, 45));
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == firstTrades);
            server.drop();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == 279);
            List<Trade> trades = run.trades();

            // the snapshot's first (newest) trade: 13.8 kB, sent in three fragments
            assertThat(trades.get(0)).isEqualTo(trade("BTC", 65083.67, 0.002186, "1068572090", TakerSide.SELL,
                    "2026-08-09T21:05:42.514Z"));
            assertThat(byId(trades, "833140778")).isEqualTo(trade("ETH", 1919.41, 0.00639701, "833140778",
                    TakerSide.BUY, "2026-08-09T21:05:44.820Z"));
            assertThat(byId(trades, "1068572091")).isEqualTo(trade("BTC", 65083.67, 0.01034361, "1068572091",
                    TakerSide.SELL, "2026-08-09T21:05:48.167Z"));

            for (String product : List.of("BTC-USD", "ETH-USD")) {
                List<Trade> ofProduct = trades.stream().filter(t -> product.equals(t.getBase() + "-" + t.getQuote())).toList();
                assertThat(TradeSums.quantity(ofProduct)).as(product).isEqualByComparingTo(sizes(recorded, product));
            }
            assertThat(server.received()).containsExactly(SUBSCRIBE, SUBSCRIBE);
            assertThat(run.count(ConnectorMetrics.RECONNECTS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.PARSE_ERRORS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.UNKNOWN_MESSAGES)).isZero();
        }
    }

    private static Trade byId(List<Trade> trades, String id) {
        return trades.stream().filter(t -> t.getTradeId().equals(id)).findFirst().orElseThrow();
    }

    private static Trade trade(String base, double price, double size, String id, TakerSide side, String time) {
        return Trade.newBuilder().setExchange("coinbase").setBase(base).setQuote("USD").setPrice(price)
                .setQuantity(size).setTradeId(id).setSide(side).setEventTime(Instant.parse(time)).build();
    }

    private static long tradeCount(List<String> messages) throws Exception {
        long count = 0;
        for (String message : messages) {
            for (JsonNode event : JSON.readTree(message).path("events")) {
                count += event.path("trades").size();
            }
        }
        return count;
    }

    /** The sum of {@code size} over every trade of a product in the recorded messages. */
    private static BigDecimal sizes(List<String> messages, String product) throws Exception {
        BigDecimal sum = BigDecimal.ZERO;
        for (String message : messages) {
            JsonNode root = JSON.readTree(message);
            for (JsonNode event : root.path("events")) {
                for (JsonNode trade : event.path("trades")) {
                    if (trade.get("product_id").asText().equals(product)) {
                        sum = sum.add(new BigDecimal(trade.get("size").asText()));
                    }
                }
            }
        }
        return sum;
    }
}
