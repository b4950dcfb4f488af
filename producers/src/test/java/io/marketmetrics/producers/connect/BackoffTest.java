package io.marketmetrics.producers.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleWithJitterUpToTheCapAndRestartAfterReset() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        long[] ceilings = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int round = 0; round < 50; round++) {
            for (long ceiling : ceilings) {
                assertThat(backoff.next().toMillis()).isBetween(ceiling / 2, ceiling);
            }
            backoff.reset();
        }
    }

    @Test
    void jitterSpreadsTheDelays() {
        Backoff backoff = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(1000));
        long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> backoff.next().toMillis()).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }
}
