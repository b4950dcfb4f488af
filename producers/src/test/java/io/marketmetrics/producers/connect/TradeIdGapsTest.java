package io.marketmetrics.producers.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TradeIdGapsTest {

    @Test
    void countsSkippedIdsPerMarketAndIgnoresRepeats() {
        TradeIdGaps gaps = new TradeIdGaps();
        assertThat(gaps.observe("a", 100)).isZero();
        assertThat(gaps.observe("a", 101)).isZero();
        assertThat(gaps.observe("b", 7)).isZero();
        assertThat(gaps.observe("a", 105)).isEqualTo(3);
        // a snapshot after a reconnect repeats older ids: neither a gap nor a reset
        assertThat(gaps.observe("a", 102)).isZero();
        assertThat(gaps.observe("a", 106)).isZero();
        assertThat(gaps.observe("b", 9)).isEqualTo(1);
    }
}
