package io.marketmetrics.app.topology.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HourlyClosesTest {

    @Test
    void carriesTheLastPriceForwardAndKeepsTheHourBeforeTheSparkline() {
        HourlyCloses closes = new HourlyCloses(3);
        closes.advanceTo(9);
        closes.record(10, 1.0);
        closes.record(10, 2.0);
        assertThat(closes.sparkline()).containsExactly(null, null, 2.0); // hours 8, 9, 10
        closes.advanceTo(12);
        assertThat(closes.sparkline()).containsExactly(2.0, 2.0, 2.0); // hours 10, 11, 12
        assertThat(closes.beforeSparkline()).isNaN(); // hour 9: no evaluation yet
        closes.record(14, 5.0);
        assertThat(closes.sparkline()).containsExactly(2.0, 2.0, 5.0); // hours 12, 13, 14
        assertThat(closes.beforeSparkline()).isEqualTo(2.0); // hour 11
        assertThat(closes.firstSparklineHour()).isEqualTo(12);
        closes.advanceTo(100);
        assertThat(closes.sparkline()).containsExactly(5.0, 5.0, 5.0);
        assertThat(closes.beforeSparkline()).isEqualTo(5.0);
        HourlyCloses copy = new HourlyCloses(closes.lastHour(), closes.closes());
        assertThat(Arrays.equals(copy.closes(), closes.closes())).isTrue();
    }
}
