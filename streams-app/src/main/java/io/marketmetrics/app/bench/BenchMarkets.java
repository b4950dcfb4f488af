package io.marketmetrics.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.marketmetrics.producers.simulate.SimulatedMarkets;

/**
 * Synthetic markets for the simulator: {@code assets} assets each listed on all {@code venues} venues, one
 * hot asset carrying {@code hotShare} of the trades and the others sharing the rest equally; prices spread
 * log-evenly from 60,000 USD down to a cent, each venue quoting in one of USDT, USD and USDC, so that there are exactly assets x venues markets.
 */
final class BenchMarkets {

    private static final double TOP_PRICE_USD = 60_000;
    private static final double BOTTOM_PRICE_USD = 0.01;
    private static final double VOLATILITY = 0.6;
    private static final double CORRELATION = 0.5;
    private static final List<String> QUOTES = List.of("USDT", "USD", "USDC");

    private BenchMarkets() {
    }

    static SimulatedMarkets of(int assets, int venues, double hotShare) {
        if (assets < 2 || venues < 1 || !(hotShare >= 0 && hotShare < 1)) {
            throw new IllegalArgumentException("need >= 2 assets, >= 1 venue and a hot share in [0, 1)");
        }
        List<SimulatedMarkets.Venue> venueList = new ArrayList<>();
        List<String> venueIds = new ArrayList<>();
        for (int v = 0; v < venues; v++) {
            String id = "venue-" + (v + 1);
            venueIds.add(id);
            // Larger venues first (volume share 1/(v+1), as real venues' shares fall off) with tighter spreads.
            venueList.add(new SimulatedMarkets.Venue(id, 1.0 / (v + 1), 1 + 2 * v,
                    Map.of(QUOTES.get(v % QUOTES.size()), 1.0)));
        }
        List<SimulatedMarkets.Asset> assetList = new ArrayList<>();
        double step = Math.log(TOP_PRICE_USD / BOTTOM_PRICE_USD) / (assets - 1);
        for (int a = 0; a < assets; a++) {
            double share = a == 0 ? hotShare : (1 - hotShare) / (assets - 1);
            assetList.add(new SimulatedMarkets.Asset(symbol(a), TOP_PRICE_USD * Math.exp(-step * a), VOLATILITY,
                    CORRELATION, share, venueIds, false, 0));
        }
        return new SimulatedMarkets(venueList, assetList, Map.of());
    }

    /** {@code A0}, {@code A1}, ...: valid asset symbols that cannot clash with the quotes. */
    static String symbol(int index) {
        return "A" + index;
    }
}
