package io.marketmetrics.producers.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared connection logic against servers that go silent or are not there. */
class ConnectionResilienceTest {

    @Test
    void aConnectionThatGoesSilentIsReplacedAndResubscribed() throws Exception {
        ConnectionSettings shortIdle = new ConnectionSettings(
                Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(300), null);
        // no script: the server accepts, reads the subscription and never answers
        try (ReplayServer server = ReplayServer.start(1, List.of(), Map.of());
                ConnectorRun run = new ConnectorRun(new BinanceVenue(), List.of("ETHBTC"), server.uri(), shortIdle)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> server.received().size() >= 3);
            String subscribe = "{\"method\":\"SUBSCRIBE\",\"params\":[\"ethbtc@trade\"],\"id\":1}";
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(server.received().subList(0, 3)).allSatisfy(c -> assertThat(c).containsExactly(subscribe)));
            assertThat(run.count(ConnectorMetrics.RECONNECTS)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void protocolPingsKeepAQuietConnectionAlive() throws Exception {
        ConnectionSettings oneSecondIdle = new ConnectionSettings(
                Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1), null);
        try (ReplayServer server = ReplayServer.start(1, List.of(List.of()), Map.of());
                ConnectorRun run = new ConnectorRun(new BinanceVenue(), List.of("ETHBTC"), server.uri(), oneSecondIdle)) {
            server.pingEvery(Duration.ofMillis(100));
            // 30 pings take 3 s: without them the connection would have been replaced after 1 s
            await().atMost(Duration.ofSeconds(30)).until(() -> server.pingsSent() >= 30);
            assertThat(server.received()).hasSize(1);
            assertThat(run.count(ConnectorMetrics.RECONNECTS)).isZero();
        }
    }

    @Test
    void aFailingSinkEndsTheRunInsteadOfLosingTrades() throws Exception {
        List<String> recorded = RecordedMessages.resource("binance-btcusdt-trade.jsonl");
        try (ReplayServer server = ReplayServer.start(1, List.of(recorded), Map.of())) {
            VenueConnector connector = new VenueConnector(new BinanceVenue(), List.of("BTCUSDT"), server.uri(),
                    ConnectorRun.FAST, new SimpleMeterRegistry());

            assertThatThrownBy(() -> connector.run(trade -> {
                throw new IllegalStateException("broker unreachable");
            })).isInstanceOf(IllegalStateException.class).hasMessage("broker unreachable");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void anUnreachableVenueIsRetriedUntilClosed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free now, nobody listens after the close
        }
        try (ConnectorRun run = new ConnectorRun(new KrakenVenue(), List.of("BTC/USD"),
                URI.create("ws://127.0.0.1:" + port + "/"))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> run.count(ConnectorMetrics.RECONNECTS) >= 3);
            assertThat(run.trades()).isEmpty();
        } // close() returns although no connection ever opened
    }
}
