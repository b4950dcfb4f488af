package io.marketmetrics.producers.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kraken v2 {@code trade}: no real v2 capture exists, so this replays Kraken's documentation example
 * (read from the shared data, not copied: its license is not a permissive one) between control
 * messages written here after the documented formats.
 */
class KrakenConnectorTest {

    private static final String SUBSCRIBE = "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"MATIC/USD\"]}}";
    private static final String SUBSCRIBED = "{\"method\":\"subscribe\",\"result\":{\"channel\":\"trade\",\"snapshot\":true,"
            + "\"symbol\":\"MATIC/USD\"},\"success\":true,\"time_in\":\"2023-09-25T09:04:31.742599Z\","
            + "\"time_out\":\"2023-09-25T09:04:31.742648Z\"}";
    private static final String REJECTED = "{\"error\":\"Currency pair not supported\",\"method\":\"subscribe\","
            + "\"success\":false,\"time_in\":\"2023-09-25T09:04:31.742599Z\",\"time_out\":\"2023-09-25T09:04:31.742648Z\"}";
    private static final String HEARTBEAT = "{\"channel\":\"heartbeat\"}";
    private static final String MALFORMED = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\"";

    @Test
    void publishesTheDocumentedSnapshotAgainAfterADroppedConnection() throws Exception {
        String snapshot = Files.readString(RecordedMessages.sharedData("ws-samples/kraken_v2_trade_snapshot.docs.json"));
        List<List<String>> script = List.of(
                List.of(SUBSCRIBED, HEARTBEAT, MALFORMED, REJECTED, snapshot),
                List.of(SUBSCRIBED, snapshot, HEARTBEAT));

        try (ReplayServer server = ReplayServer.start(1, script, Map.of());
                ConnectorRun run = new ConnectorRun(new KrakenVenue(), List.of("MATIC/USD"), server.uri())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == 2);
            server.drop();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.trades().size() == 4);
            List<Trade> trades = run.trades();

            // {"symbol":"MATIC/USD","side":"buy","price":0.5147,"qty":6423.46326,"trade_id":4665846,
            //  "timestamp":"2023-09-25T07:48:36.925533Z"}
            Trade first = trade(0.5147, 6423.46326, "4665846", "2023-09-25T07:48:36.925Z");
            // {"symbol":"MATIC/USD","side":"buy","price":0.5147,"qty":1136.19677815,"trade_id":4665847,
            //  "timestamp":"2023-09-25T07:49:36.925603Z"}
            Trade second = trade(0.5147, 1136.19677815, "4665847", "2023-09-25T07:49:36.925Z");
            // the snapshot after the reconnect repeats both: the pipeline's dedupe drops them
            assertThat(trades).containsExactly(first, second, first, second);
            assertThat(server.received()).containsExactly(List.of(SUBSCRIBE), List.of(SUBSCRIBE));
            assertThat(run.count(ConnectorMetrics.RECONNECTS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.PARSE_ERRORS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.VENUE_ERRORS)).isEqualTo(1);
            assertThat(run.count(ConnectorMetrics.GAPS)).isZero();
        }
    }

    private static Trade trade(double price, double quantity, String id, String time) {
        return Trade.newBuilder().setExchange("kraken").setBase("MATIC").setQuote("USD").setPrice(price)
                .setQuantity(quantity).setTradeId(id).setSide(TakerSide.BUY).setEventTime(Instant.parse(time)).build();
    }
}
