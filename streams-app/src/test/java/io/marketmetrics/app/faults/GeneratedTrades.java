package io.marketmetrics.app.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;

/**
 * A deterministic stream of valid trades for fault tests: six assets on three venues, quoted only in USD
 * and pegged stablecoins so that no figure depends on another partition's published prices (which would make
 * two correct runs differ by timing), 150 ms apart, prices on a seeded random walk, ids unique per market.
 */
final class GeneratedTrades {

    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    static final long SPACING_MS = 150;
    private static final String[] ASSETS = {"BTC", "ETH", "SOL", "XRP", "DOGE", "ADA"};
    private static final double[] START_PRICES = {60000, 3000, 120, 0.6, 0.12, 0.7};
    private static final String[][] VENUES = {{"binance", "USDT"}, {"coinbase", "USD"}, {"kraken", "USDC"}};

    private GeneratedTrades() {
    }

    static List<Trade> generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] prices = START_PRICES.clone();
        Map<String, Integer> ids = new HashMap<>();
        List<Trade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int asset = random.nextInt(ASSETS.length);
            String[] venue = VENUES[random.nextInt(VENUES.length)];
            prices[asset] *= 1 + (random.nextDouble() - 0.5) * 0.002;
            String market = venue[0] + ASSETS[asset] + venue[1];
            int id = ids.merge(market, 1, Integer::sum);
            trades.add(Trade.newBuilder()
                    .setExchange(venue[0]).setBase(ASSETS[asset]).setQuote(venue[1])
                    .setPrice(prices[asset]).setQuantity(0.001 + random.nextInt(10_000) / 1000.0)
                    .setTradeId(Integer.toString(id)).setSide(random.nextBoolean() ? TakerSide.BUY : TakerSide.SELL)
                    .setEventTime(START.plusMillis(i * SPACING_MS))
                    .build());
        }
        return trades;
    }

    /**
     * {@code trades} with a second copy of a trade {@code back} places earlier after every {@code every}-th: a
     * duplicate, within grace when {@code back} trades span less than it (1,000 trades are 150 s).
     */
    static List<Trade> withDuplicates(List<Trade> trades, int every, int back) {
        List<Trade> out = new ArrayList<>(trades.size() + trades.size() / every);
        for (int i = 0; i < trades.size(); i++) {
            out.add(trades.get(i));
            if (i % every == every - 1 && i >= back) {
                out.add(trades.get(i - back));
            }
        }
        return out;
    }
}
