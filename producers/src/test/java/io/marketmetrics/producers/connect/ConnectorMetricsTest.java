package io.marketmetrics.producers.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorMetricsTest {

    @Test
    void lastTradeAgeExistsOnlyForConfiguredMarkets() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConnectorMetrics metrics = new ConnectorMetrics(registry, "okx", List.of("okx:BTC-USDT", "okx:ETH-USDT"), () -> 10_000);

        metrics.tradeTime("okx:BTC-USDT", 7_500);
        metrics.tradeTime("okx:BTC-USDT", 6_000); // an older trade (a snapshot) does not make it older
        metrics.tradeTime("okx:UNI-USD", 9_000);

        assertThat(registry.find(ConnectorMetrics.LAST_TRADE_AGE).gauges()).hasSize(2);
        assertThat(registry.get(ConnectorMetrics.LAST_TRADE_AGE).tag("market", "okx:BTC-USDT").gauge().value())
                .isEqualTo(2.5);
        assertThat(registry.get(ConnectorMetrics.LAST_TRADE_AGE).tag("market", "okx:ETH-USDT").gauge().value()).isNaN();
        assertThat(registry.get(ConnectorMetrics.TRADES).tag("exchange", "okx").counter().count()).isZero();
    }
}
