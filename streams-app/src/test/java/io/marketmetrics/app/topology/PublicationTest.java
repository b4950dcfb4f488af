package io.marketmetrics.app.topology;

import static io.marketmetrics.app.topology.MetricsDriver.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Figures are published before each commit, inside it, with no wall-clock time passing: the test driver commits
 * after every record it pipes. Once per key and commit, so a record that changes nothing publishes nothing.
 */
class PublicationTest {

    private static final long T0 = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();

    @Test
    void theCommitThatTakesATradePublishesItsMarketAndAsset() {
        try (MetricsDriver d = new MetricsDriver()) {
            d.pipeQuietly(trade("kraken:ADA-USD", 0.5, 100, "1", T0));
            assertThat(d.assetUpdates()).extracting(kv -> kv.key, kv -> kv.value.getPriceUsd())
                    .containsExactly(tuple("ADA", 0.5));
            assertThat(d.marketUpdates()).extracting(kv -> kv.key, kv -> kv.value.getVolume24hBase())
                    .containsExactly(tuple("kraken:ADA-USD", 100.0));

            d.pipeQuietly(trade("kraken:ADA-USD", 0.5, 100, "1", T0 + 1_000)); // a duplicate: dropped
            assertThat(d.assetUpdates()).isEmpty();
            assertThat(d.marketUpdates()).isEmpty();

            d.pipeQuietly(trade("kraken:ADA-USD", 0.7, 10, "2", T0 + 2_000));
            assertThat(d.assetUpdates()).extracting(kv -> kv.key).containsExactly("ADA");
            assertThat(d.marketUpdates()).extracting(kv -> kv.value.getVolume24hBase()).containsExactly(110.0);
        }
    }
}
