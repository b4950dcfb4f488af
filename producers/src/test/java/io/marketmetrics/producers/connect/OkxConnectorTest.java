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
 * OKX v5 {@code trades} on recorded real messages (cryptofeed capture of 2022-05-13: BTC-USDT spot,
 * plus a future and a swap this connector was not asked for).
 */
class OkxConnectorTest {

    private static final String SUBSCRIBE = "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"}]}";
    private static final String MALFORMED = "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"instId\":"
            + "\"BTC-USDT\",\"tradeId\":\"1\",\"px\":\"thirty\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459230000\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishesRecordedSpotTradesAcrossADroppedConnectionAndKeepsTheConnectionAliveWithPings() throws Exception {
        List<String> recorded = RecordedMessages.resource("okx-trades.jsonl");
        List<String> first = new ArrayList<>(recorded.subList(0, 40)); // ends with a BTC-USDT trade
        first.add(20, MALFORMED);
        List<String> second = recorded.subList(40, recorded.size());
        ConnectionSettings pingOften = new ConnectionSettings(
                Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMillis(50));

        try (ReplayServer server = ReplayServer.start(1, List.of(first, second), Map.of("ping", "pong"));
                ConnectorRun run = new ConnectorRun(new OkxVenue(), List.of("BTC-USDT"), server.uri(), pingOften)) {
            long firstTrades = trades(recorded.subList(0, 40)).stream()
                    .filter(t -> t.get("instId").asText().equals("BTC-USDT")).count();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == firstTrades);
            server.drop();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == 69
                    && server.received().size() == 2 && server.received().get(1).contains("ping"));
            List<Trade> trades = run.trades();

            // {"instId":"BTC-USDT","tradeId":"338476307","px":"30236","sz":"0.0002","side":"buy","ts":"1652459224818"}
            assertThat(trades.get(0)).isEqualTo(trade(30236, 0.0002, "338476307", TakerSide.BUY, 1652459224818L));
            // {"instId":"BTC-USDT","tradeId":"338476375","px":"30227.6","sz":"0.00000088","side":"buy","ts":"1652459235576"}
            assertThat(trades.get(68)).isEqualTo(trade(30227.6, 0.00000088, "338476375", TakerSide.BUY, 1652459235576L));
            assertThat(TradeSums.quantity(trades)).isEqualByComparingTo(sizes(recorded, "BTC-USDT"));
            // the future's and the swap's trades were not subscribed to: dropped, counted
            assertThat(run.count(ConnectorMetrics.DROPPED_TRADES)).isEqualTo(count(recorded) - 69);
            for (List<String> connection : server.received()) {
                assertThat(connection.stream().filter(m -> !m.equals("ping"))).containsExactly(SUBSCRIBE);
            }
            assertThat(run.count(ConnectorMetrics.RECONNECTS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.PARSE_ERRORS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.UNKNOWN_MESSAGES)).isZero();
        }
    }

    private static Trade trade(double price, double size, String id, TakerSide side, long millis) {
        return Trade.newBuilder().setExchange("okx").setBase("BTC").setQuote("USDT").setPrice(price)
                .setQuantity(size).setTradeId(id).setSide(side).setEventTime(Instant.ofEpochMilli(millis)).build();
    }

    private static List<JsonNode> trades(List<String> messages) throws Exception {
        List<JsonNode> trades = new ArrayList<>();
        for (String message : messages) {
            JSON.readTree(message).path("data").forEach(trades::add);
        }
        return trades;
    }

    private static BigDecimal sizes(List<String> messages, String instrument) throws Exception {
        return trades(messages).stream().filter(t -> t.get("instId").asText().equals(instrument))
                .map(t -> new BigDecimal(t.get("sz").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long count(List<String> messages) throws Exception {
        return trades(messages).size();
    }
}
