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

/** Binance spot {@code @trade} on recorded real messages (hftbacktest captures, 2024-08-08/09). */
class BinanceConnectorTest {

    private static final String SUBSCRIBE = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}";
    /** Binance's documented answer to SUBSCRIBE. */
    private static final String SUBSCRIBED = "{\"result\":null,\"id\":1}";
    private static final String TRUNCATED = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"t\":37356";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishesRecordedTradesAcrossADroppedConnectionAndCountsTheMissedOnes() throws Exception {
        List<String> recorded = RecordedMessages.resource("binance-btcusdt-trade.jsonl");
        List<String> first = new ArrayList<>(List.of(SUBSCRIBED));
        first.addAll(recorded.subList(0, 50));
        first.add(TRUNCATED);
        first.addAll(recorded.subList(50, 100));
        // messages 100..104 are lost while the connection is down: 5 missed trade ids
        List<String> second = new ArrayList<>(List.of(SUBSCRIBED));
        second.addAll(recorded.subList(105, 200));

        try (ReplayServer server = ReplayServer.start(1, List.of(first, second), Map.of());
                ConnectorRun run = new ConnectorRun(new BinanceVenue(), List.of("BTCUSDT"), server.uri())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == 100);
            server.drop();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == 195);
            List<Trade> trades = run.trades();

            // {"t":3735683259,"p":"61837.63000000","q":"0.02000000","T":1723161255342,"m":true}
            assertThat(trades.get(0)).isEqualTo(trade(61837.63, 0.02, "3735683259", TakerSide.SELL, 1723161255342L));
            // {"t":3735683261,"p":"61837.63000000","q":"0.00009000","T":1723161255617,"m":true}
            assertThat(trades.get(2)).isEqualTo(trade(61837.63, 0.00009, "3735683261", TakerSide.SELL, 1723161255617L));
            // {"t":3735683305,"p":"61828.02000000","q":"0.00810000","T":1723161255856,"m":false}: the buyer took
            assertThat(trades.get(46)).isEqualTo(trade(61828.02, 0.0081, "3735683305", TakerSide.BUY, 1723161255856L));

            List<String> delivered = new ArrayList<>(recorded.subList(0, 100));
            delivered.addAll(recorded.subList(105, 200));
            assertThat(TradeSums.quantity(trades)).isEqualByComparingTo(sum(delivered, "q"));
            assertThat(TradeSums.notional(trades)).isEqualByComparingTo(notional(delivered));
            assertThat(server.received()).containsExactly(List.of(SUBSCRIBE), List.of(SUBSCRIBE));
            assertThat(run.count(ConnectorMetrics.RECONNECTS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.PARSE_ERRORS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.GAPS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.MISSED_TRADES)).isEqualTo(5);
            assertThat(run.count(ConnectorMetrics.TRADES)).isEqualTo(195);
            assertThat(run.count(ConnectorMetrics.MESSAGES)).isEqualTo(first.size() + second.size());
        }
    }

    /** The longer capture: every spot BTCUSDT trade of both hftbacktest files, about 11 minutes. */
    @Test
    void volumeOfTheLongerCaptureMatchesAnIndependentSum() throws Exception {
        List<String> day1 = tradeMessages(RecordedMessages.lines(
                RecordedMessages.sharedData("hftbacktest/spot/btcusdt_20240808.gz")));
        List<String> day2 = tradeMessages(RecordedMessages.lines(
                RecordedMessages.sharedData("hftbacktest/spot/btcusdt_20240809.gz")));
        List<String> all = new ArrayList<>(day1);
        all.addAll(day2);

        try (ReplayServer server = ReplayServer.start(1, List.of(day1, day2), Map.of());
                ConnectorRun run = new ConnectorRun(new BinanceVenue(), List.of("btcusdt"), server.uri())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> run.trades().size() == day1.size());
            server.drop();
            await().atMost(Duration.ofSeconds(60)).until(() -> run.trades().size() == all.size());
            List<Trade> trades = run.trades();

            assertThat(trades).hasSize(9_757 + 10_147); // SOURCES.md's trade counts of the two files
            assertThat(TradeSums.quantity(trades)).isEqualByComparingTo(sum(all, "q"));
            assertThat(TradeSums.notional(trades)).isEqualByComparingTo(notional(all));
            assertThat(trades.stream().filter(t -> t.getSide() == TakerSide.BUY).count())
                    .isEqualTo(all.stream().map(BinanceConnectorTest::data).filter(d -> !d.get("m").asBoolean()).count());
            assertThat(run.count(ConnectorMetrics.MISSED_TRADES)).isEqualTo(missedIds(all));
            assertThat(run.count(ConnectorMetrics.RECONNECTS)).isEqualTo(1);
        }
    }

    private static Trade trade(double price, double quantity, String id, TakerSide side, long millis) {
        return Trade.newBuilder().setExchange("binance").setBase("BTC").setQuote("USDT").setPrice(price)
                .setQuantity(quantity).setTradeId(id).setSide(side).setEventTime(Instant.ofEpochMilli(millis)).build();
    }

    /** hftbacktest lines are {@code <local receive ns> <raw message>}; keeps the trade messages. */
    private static List<String> tradeMessages(List<String> lines) {
        return lines.stream().map(l -> l.substring(l.indexOf(' ') + 1))
                .filter(m -> m.startsWith("{\"stream\":\"btcusdt@trade\"")).toList();
    }

    private static JsonNode data(String message) {
        try {
            return JSON.readTree(message).get("data");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal sum(List<String> messages, String field) {
        return messages.stream().map(m -> new BigDecimal(data(m).get(field).asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal notional(List<String> messages) {
        return messages.stream().map(BinanceConnectorTest::data)
                .map(d -> new BigDecimal(d.get("p").asText()).multiply(new BigDecimal(d.get("q").asText())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long missedIds(List<String> messages) {
        long missed = 0;
        long previous = -1;
        for (String message : messages) {
            long id = data(message).get("t").asLong();
            if (previous >= 0 && id > previous + 1) {
                missed += id - previous - 1;
            }
            previous = Math.max(previous, id);
        }
        return missed;
    }
}
