package io.marketmetrics.app.topology.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AllTimeExtremesTest {

    @Test
    void theStreamOnlyRaisesASeededHighAndKeepsTheFirstTimeReached() {
        AllTimeExtremes seed = new AllTimeExtremes(1.03, 100, 0.2554, 200);
        AllTimeExtremes x = AllTimeExtremes.NONE.with(0.3514, 1000).merge(seed);
        assertThat(x).isEqualTo(new AllTimeExtremes(1.03, 100, 0.2554, 200));
        x = x.with(2.0, 2000).with(2.0, 3000).with(0.1, 4000);
        assertThat(x).isEqualTo(new AllTimeExtremes(2.0, 2000, 0.1, 4000));
        assertThat(x.merge(new AllTimeExtremes(2.0, 50, Double.NaN, Extremes.NONE)))
                .isEqualTo(new AllTimeExtremes(2.0, 50, 0.1, 4000));
    }

    @Test
    void theWorkedExampleOfMetricsMd() {
        // DEFI.SSI: ATH 1.03, ATL 0.2554, supply 25.50 M, price 0.3514.
        assertThat(Figures.product(0.3514, 25_500_000.0)).isCloseTo(8_960_700.0, within(1e-6));
        assertThat(Figures.pctChange(0.3514, 1.03)).isCloseTo(-65.883495, within(1e-6));
        assertThat(Figures.pctChange(0.3514, 0.2554)).isCloseTo(37.588097, within(1e-6));
        assertThat(Figures.pctChange(1.0, null)).isNull();
        assertThat(Figures.ratio(5.0, 0.0)).isNull();
    }
}
