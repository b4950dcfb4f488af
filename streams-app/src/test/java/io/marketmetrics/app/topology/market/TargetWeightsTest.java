package io.marketmetrics.app.topology.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TargetWeightsTest {

    private static final double NO_CAP = Double.NaN;

    @Test
    void proportionalToMarketCapWithoutCaps() {
        assertThat(TargetWeights.of(new double[] {60, 30, 10}, new double[] {NO_CAP, NO_CAP, NO_CAP}))
                .containsExactly(new double[] {60, 30, 10}, within(1e-12));
    }

    @Test
    void cappedExcessIsRedistributedUntilNoWeightExceedsItsCap() {
        // 60/30/10 with caps 40 and 40: the first is cut to 40, the other 60 split 3:1 gives 45 and 15;
        // 45 is over its cap too: 40, and the last one takes the remaining 20.
        assertThat(TargetWeights.of(new double[] {60, 30, 10}, new double[] {40, 40, NO_CAP}))
                .containsExactly(new double[] {40, 40, 20}, within(1e-12));
        // One round suffices: 40 + 60 x 30/40 = 45, 60 x 10/40 = 15.
        assertThat(TargetWeights.of(new double[] {60, 30, 10}, new double[] {40, NO_CAP, NO_CAP}))
                .containsExactly(new double[] {40, 45, 15}, within(1e-12));
    }

    @Test
    void capsThatCannotAddUpTo100LeaveEveryConstituentAtItsCap() {
        assertThat(TargetWeights.of(new double[] {50, 50}, new double[] {30, 40}))
                .containsExactly(new double[] {30, 40}, within(1e-12));
    }

    @Test
    void noMarketCapAtAllGivesNoWeights() {
        double[] weights = TargetWeights.of(new double[] {0, 0}, new double[] {NO_CAP, NO_CAP});
        assertThat(weights[0]).isNaN();
        assertThat(weights[1]).isNaN();
    }
}
