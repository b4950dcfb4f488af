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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bybit v5 {@code publicTrade} on recorded real messages (cryptofeed capture, spot and linear connections). */
class BybitConnectorTest {

    private static final String PING = "{\"op\":\"ping\"}";
    /** Bybit spot's documented answer to a ping. */
    private static final String PONG = "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"test\",\"op\":\"ping\"}";
    private static final String MALFORMED = "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"data\":[{\"i\":\"1\","
            + "\"T\":1786310822605,\"p\":\"65140.5\",\"v\":\"0.1\",\"S\":\"Sideways\",\"s\":\"BTCUSDT\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishesRecordedSpotTradesAcrossADroppedConnectionAndCountsIdGaps() throws Exception {
        List<String> recorded = RecordedMessages.resource("bybit-spot-publictrade.jsonl");
        List<String> first = new ArrayList<>(recorded.subList(0, 15)); // ends with a trade message
        first.add(10, MALFORMED);
        List<String> second = recorded.subList(15, recorded.size());
        ConnectionSettings pingOften = new ConnectionSettings(
                Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMillis(50));

        try (ReplayServer server = ReplayServer.start(1, List.of(first, second), Map.of(PING, PONG));
                ConnectorRun run = new ConnectorRun(new BybitVenue(), List.of("BTCUSDT", "ETHUSDT"), server.uri(), pingOften)) {
            long firstTrades = trades(recorded.subList(0, 15)).size();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == firstTrades);
            server.drop();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == 20
                    && server.received().size() == 2 && server.received().get(1).contains(PING));
            List<Trade> trades = run.trades();

            // {"i":"2280000001739247417","T":1786310821917,"p":"1923.28","v":"0.04537","S":"Sell","s":"ETHUSDT"}
            assertThat(trades.get(0)).isEqualTo(trade("ETH", 1923.28, 0.04537, "2280000001739247417", TakerSide.SELL,
                    1786310821917L));
            // {"i":"2290000001189048101","T":1786310822605,"p":"65140.5","v":"0.002705","S":"Buy","s":"BTCUSDT"}
            assertThat(trades.get(1)).isEqualTo(trade("BTC", 65140.5, 0.002705, "2290000001189048101", TakerSide.BUY,
                    1786310822605L));
            assertThat(TradeSums.quantity(trades)).isEqualByComparingTo(volume(recorded));
            String subscribe = "{\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\",\"publicTrade.ETHUSDT\"]}";
            for (List<String> connection : server.received()) {
                assertThat(connection.stream().filter(m -> !m.equals(PING))).containsExactly(subscribe);
            }
            assertThat(run.count(ConnectorMetrics.RECONNECTS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.PARSE_ERRORS)).isEqualTo(1);
            // the recorded ETHUSDT spot ids jump (+3, +22, +13, +2) within 40 s: counted, nothing dropped
            long[] gaps = gaps(recorded);
            assertThat(run.count(ConnectorMetrics.GAPS)).isEqualTo(gaps[0]).isEqualTo(4);
            assertThat(run.count(ConnectorMetrics.MISSED_TRADES)).isEqualTo(gaps[1]).isEqualTo(36);
        }
    }

    /** Linear (USDT perpetual) messages carry UUID trade ids: published, never taken for gaps. */
    @Test
    void volumeOfTheLinearCaptureMatchesAnIndependentSum() throws Exception {
        List<String> recorded = RecordedMessages.resource("bybit-linear-publictrade.jsonl");
        List<String> symbols = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT");

        try (ReplayServer server = ReplayServer.start(1, List.of(recorded), Map.of(PING, PONG));
                ConnectorRun run = new ConnectorRun(new BybitVenue(), symbols, server.uri())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == 327);

            for (String symbol : symbols) {
                List<Trade> ofSymbol = run.trades().stream().filter(t -> symbol.equals(t.getBase() + t.getQuote())).toList();
                assertThat(TradeSums.quantity(ofSymbol)).as(symbol).isEqualByComparingTo(volume(recorded, symbol));
                assertThat(TradeSums.notional(ofSymbol)).as(symbol).isEqualByComparingTo(notional(recorded, symbol));
            }
            assertThat(run.count(ConnectorMetrics.GAPS)).isZero();
            assertThat(run.count(ConnectorMetrics.PARSE_ERRORS)).isZero();
        }
    }

    private static Trade trade(String base, double price, double size, String id, TakerSide side, long millis) {
        return Trade.newBuilder().setExchange("bybit").setBase(base).setQuote("USDT").setPrice(price)
                .setQuantity(size).setTradeId(id).setSide(side).setEventTime(Instant.ofEpochMilli(millis)).build();
    }

    private static List<JsonNode> trades(List<String> messages) throws Exception {
        List<JsonNode> trades = new ArrayList<>();
        for (String message : messages) {
            JSON.readTree(message).path("data").forEach(trades::add);
        }
        return trades;
    }

    private static BigDecimal volume(List<String> messages) throws Exception {
        return trades(messages).stream().map(t -> new BigDecimal(t.get("v").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal volume(List<String> messages, String symbol) throws Exception {
        return trades(messages).stream().filter(t -> t.get("s").asText().equals(symbol))
                .map(t -> new BigDecimal(t.get("v").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal notional(List<String> messages, String symbol) throws Exception {
        return trades(messages).stream().filter(t -> t.get("s").asText().equals(symbol))
                .map(t -> new BigDecimal(t.get("p").asText()).multiply(new BigDecimal(t.get("v").asText())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** {jumps, skipped ids} over consecutive ids per symbol, walked in message order. */
    private static long[] gaps(List<String> messages) throws Exception {
        Map<String, Long> last = new HashMap<>();
        long jumps = 0;
        long skipped = 0;
        for (JsonNode trade : trades(messages)) {
            long id = Long.parseLong(trade.get("i").asText());
            Long previous = last.put(trade.get("s").asText(), id);
            if (previous != null && id > previous + 1) {
                jumps++;
                skipped += id - previous - 1;
            }
        }
        return new long[] {jumps, skipped};
    }
}
