package io.marketmetrics.producers.simulate;

import io.marketmetrics.producers.Pacer;
import io.marketmetrics.producers.TradeSink;
import io.marketmetrics.producers.TradeSource;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated trades of N venues x M assets: Poisson arrivals at the configured rate; the asset by its
 * trade share, the venue by its volume share among those listing the asset, the quote by the venue's
 * quote shares; the price from the {@link PriceModel} mid, the venue's own small basis and half its
 * spread (buys at the ask, sells at the bid), on a tick of 7 significant digits; a log-normal notional
 * (median 250 USD, the heavy right tail of real trade sizes) in a quantity of 4 significant digits.
 * Optionally, bad prints and repeated trades exercise the pipeline's guards. Deterministic for a seed.
 */
public final class Simulator implements TradeSource {

    /** Quotes worth 1 USD; the pipeline prices the same stablecoins at their peg (METRICS.md). */
    private static final Set<String> PEGGED = Set.of("USD", "USDT", "USDC", "FDUSD", "DAI");
    private static final double MEDIAN_NOTIONAL_USD = 250;
    /** Log-space spread of trade notionals: the 1-in-1000 trade is about 150x the median. */
    private static final double NOTIONAL_SIGMA = 1.6;
    private static final MathContext PRICE_DIGITS = new MathContext(7);
    private static final MathContext QUANTITY_DIGITS = new MathContext(4);
    private static final int RECENT = 256;

    private final SimulatorOptions options;
    private final List<SimulatedMarkets.Asset> assets;
    private final List<SimulatedMarkets.Venue> venues;
    private final Random random;
    private final PriceModel prices;
    private final Pacer pacer;
    private final double[] assetWeights;
    private final double[][] venueWeights;
    private final double[] venueBasis;
    private final long[] nextTradeId;
    private final List<Trade> recent = new ArrayList<>();
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong badPrints = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile boolean closed;

    public Simulator(SimulatorOptions options) {
        this(options, new Pacer(options.speed()));
    }

    Simulator(SimulatorOptions options, Pacer pacer) {
        this.options = options;
        this.pacer = pacer;
        this.assets = options.markets().assets();
        this.venues = options.markets().venues();
        this.random = new Random(options.seed());
        this.prices = new PriceModel(assets, options.markets().baskets(), options.start().toEpochMilli(), random);
        this.assetWeights = assets.stream().mapToDouble(SimulatedMarkets.Asset::tradeShare).toArray();
        this.venueWeights = new double[assets.size()][venues.size()];
        for (int a = 0; a < assets.size(); a++) {
            for (int v = 0; v < venues.size(); v++) {
                venueWeights[a][v] = assets.get(a).venues().contains(venues.get(v).id()) ? venues.get(v).volumeShare() : 0;
            }
        }
        this.venueBasis = new double[venues.size()];
        this.nextTradeId = new long[venues.size()];
        for (int v = 0; v < venues.size(); v++) {
            // A venue trades a little away from the others, within a quarter of its spread.
            venueBasis[v] = random.nextGaussian() * venues.get(v).spreadBps() / 4 / 10_000;
            nextTradeId[v] = 1_000_000_000L + random.nextInt(1_000_000_000);
        }
    }

    @Override
    public String describe() {
        return "simulate " + assets.size() + " assets x " + venues.size() + " venues at " + options.tradesPerSecond()
                + " trades/s";
    }

    @Override
    public void run(TradeSink sink) throws InterruptedException {
        double clock = options.start().toEpochMilli();
        while (!closed && (options.maxTrades() == 0 || emitted.get() < options.maxTrades())) {
            // Poisson arrivals: exponential gaps with mean 1/rate.
            clock += -Math.log(1 - random.nextDouble()) * 1000 / options.tradesPerSecond();
            long millis = (long) clock;
            prices.advanceTo(millis);
            Trade trade = random.nextDouble() * 100 < options.duplicatePct() && !recent.isEmpty()
                    ? repeat()
                    : trade(millis);
            pacer.await(Instant.ofEpochMilli(millis));
            sink.accept(trade);
            emitted.incrementAndGet();
        }
    }

    private Trade repeat() {
        duplicates.incrementAndGet();
        return recent.get(random.nextInt(recent.size()));
    }

    private Trade trade(long millis) {
        int a = pick(assetWeights);
        SimulatedMarkets.Asset asset = assets.get(a);
        int v = pick(venueWeights[a]);
        SimulatedMarkets.Venue venue = venues.get(v);
        String quote = quote(venue, asset.symbol());
        double midUsd = prices.midUsd(a) * (1 + venueBasis[v]);
        double quoteUsd = PEGGED.contains(quote) ? 1.0 : prices.midUsd(prices.indexOf(quote));
        TakerSide side = random.nextBoolean() ? TakerSide.BUY : TakerSide.SELL;
        double halfSpread = venue.spreadBps() / 2 / 10_000;
        double price = midUsd / quoteUsd * (side == TakerSide.BUY ? 1 + halfSpread : 1 - halfSpread);
        if (random.nextDouble() * 100 < options.badPrintPct()) {
            badPrints.incrementAndGet();
            price *= 1 + (random.nextBoolean() ? 1 : -1) * (0.2 + 0.3 * random.nextDouble());
        }
        double notionalUsd = MEDIAN_NOTIONAL_USD * Math.exp(NOTIONAL_SIGMA * random.nextGaussian());
        Trade trade = new Trade(venue.id(), asset.symbol(), quote, round(price, PRICE_DIGITS),
                round(notionalUsd / midUsd, QUANTITY_DIGITS), Long.toString(nextTradeId[v]++), side,
                Instant.ofEpochMilli(millis));
        if (recent.size() < RECENT) {
            recent.add(trade);
        } else {
            recent.set(random.nextInt(RECENT), trade);
        }
        return trade;
    }

    /** A quote of the venue other than the base itself, and priceable (pegged or simulated), by the venue's shares. */
    private String quote(SimulatedMarkets.Venue venue, String base) {
        List<Map.Entry<String, Double>> usable = venue.quotes().entrySet().stream()
                .filter(q -> !q.getKey().equals(base) && (PEGGED.contains(q.getKey()) || prices.indexOf(q.getKey()) >= 0))
                .toList();
        if (usable.isEmpty()) {
            return "USD"; // a venue quoting only in the asset itself: price it in USD
        }
        return usable.get(pick(usable.stream().mapToDouble(Map.Entry::getValue).toArray())).getKey();
    }

    /** An index drawn with probability proportional to its weight. */
    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i; // rounding left the target at the very end
            }
        }
        throw new IllegalStateException("no positive weight");
    }

    /** Rounds as a venue's tick or lot size would, through the decimal so that the double prints as written. */
    private static double round(double value, MathContext digits) {
        return new BigDecimal(value).round(digits).doubleValue();
    }

    /** Trades handed to the sink, repeats included. */
    public long emitted() {
        return emitted.get();
    }

    /** Bad prints among them. */
    public long badPrints() {
        return badPrints.get();
    }

    /** Repeated trades among them. */
    public long duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() {
        closed = true;
    }
}
