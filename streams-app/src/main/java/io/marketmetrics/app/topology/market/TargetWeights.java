package io.marketmetrics.app.topology.market;

import java.util.Arrays;

/**
 * The index rule's weights: proportional to market cap, each capped at its constituent's maximum, the
 * excess of capped constituents redistributed over the others in proportion to their market caps (repeated
 * until no weight exceeds its cap). Where the caps add up to less than 100 % every constituent ends at its cap.
 */
final class TargetWeights {

    private TargetWeights() {
    }

    /**
     * @param marketCaps  per constituent, all >= 0
     * @param maxWeights  per constituent, in percent; NaN for no cap
     * @return the weights in percent; NaN for all where the market caps add up to 0
     */
    static double[] of(double[] marketCaps, double[] maxWeights) {
        int n = marketCaps.length;
        double[] weights = new double[n];
        boolean[] capped = new boolean[n];
        double left = 100;
        while (true) {
            double free = 0;
            for (int i = 0; i < n; i++) {
                free += capped[i] ? 0 : marketCaps[i];
            }
            if (free == 0) {
                if (left == 100) {
                    Arrays.fill(weights, Double.NaN);
                }
                return weights;
            }
            boolean newlyCapped = false;
            for (int i = 0; i < n; i++) {
                if (!capped[i]) {
                    weights[i] = left * marketCaps[i] / free;
                    if (weights[i] > maxWeights[i]) {
                        newlyCapped = true;
                    }
                }
            }
            if (!newlyCapped) {
                return weights;
            }
            for (int i = 0; i < n; i++) {
                if (!capped[i] && weights[i] > maxWeights[i]) {
                    capped[i] = true;
                    weights[i] = maxWeights[i];
                    left -= maxWeights[i];
                }
            }
        }
    }
}
