package io.marketmetrics.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pacing by event time against a fake clock: the waits requested are those of the speed. */
class PacerTest {

    private long now = 5_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private Pacer pacer(double speed) {
        return new Pacer(speed, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    @Test
    void atTwiceRealTimeASecondOfEventTimeTakesHalfASecond() throws Exception {
        Pacer pacer = pacer(2);
        pacer.await(Instant.ofEpochMilli(10_000)); // the first trade goes at once
        pacer.await(Instant.ofEpochMilli(11_000)); // 1 s later in event time: 0.5 s later
        now += 100_000_000; // 0.1 s spent publishing
        pacer.await(Instant.ofEpochMilli(12_000)); // due 1.0 s after the first, 0.4 s from now
        assertThat(sleeps).containsExactly(500_000_000L, 400_000_000L);
    }

    @Test
    void lateAndOutOfOrderTradesGoAtOnce() throws Exception {
        Pacer pacer = pacer(1);
        pacer.await(Instant.ofEpochMilli(10_000));
        now += 3_000_000_000L; // fell 3 s behind
        pacer.await(Instant.ofEpochMilli(12_000));
        pacer.await(Instant.ofEpochMilli(9_000));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void maxSpeedNeverWaits() throws Exception {
        Pacer pacer = pacer(Pacer.MAX);
        pacer.await(Instant.ofEpochMilli(0));
        pacer.await(Instant.ofEpochMilli(86_400_000));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void speedMustBePositive() {
        assertThatThrownBy(() -> pacer(0)).hasMessage("speed must be > 0, got 0.0");
    }
}
