package io.marketmetrics.app.topology.asset;

import static io.marketmetrics.app.topology.calc.TimeBuckets.HOUR_MS;
import static io.marketmetrics.app.topology.calc.TimeBuckets.MINUTE_MS;
import static io.marketmetrics.app.topology.calc.TimeBuckets.hour;
import static io.marketmetrics.app.topology.calc.TimeBuckets.minute;

import io.marketmetrics.app.topology.CandleMapper;
import io.marketmetrics.app.topology.Publications;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.TradeCounters;
import io.marketmetrics.app.topology.calc.Bucket;
import io.marketmetrics.app.topology.calc.ChangeReference;
import io.marketmetrics.app.topology.calc.HourlyCloses;
import io.marketmetrics.app.topology.calc.MarketQuote;
import io.marketmetrics.app.topology.calc.PriceAggregator;
import io.marketmetrics.app.topology.calc.RollingWindow;
import io.marketmetrics.app.topology.market.MarketWideFigures;
import io.marketmetrics.model.Symbols;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.CandleInterval;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.Trade;
import java.util.ArrayList;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The asset stage: all markets of the assets of one partition of {@code trades}. Per accepted trade it
 * updates the market's and the asset's minute and hour buckets and summaries (the newest buckets are held in
 * the summaries, {@link OpenBucket}, so an in-order trade reads and writes two cached summaries and no window
 * store), evaluates the asset's aggregated price, and marks the market and the asset pending for
 * {@link Publisher}, which builds and forwards their figures once per publish interval. As stream time crosses
 * minute boundaries it re-publishes the subjects whose window lost a bucket and emits the candles that became
 * final. Reference records ({@link AssetReference}, null for a deletion) re-publish the asset's figures at once.
 */
final class AssetStageProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    /** A candle-store key no market or asset has (see {@link #markCandleStores}). */
    private static final String NO_SUBJECT = "";
    /**
     * Summaries of each kind kept as objects past a commit ({@link Summaries}), per task: every market and asset of a
     * task at the bench's default size (1,000 and 200 over six partitions); beyond, the least recently read are read
     * from their store again. At 50,000 markets the bench's peak RSS was the same with 1,024 (1,045 and 1,042 MiB).
     */
    private static final int SUMMARY_OBJECTS = 4_096;
    /**
     * The longest move of the evaluation minute over which the change references are stepped by point reads: an asset
     * trading once in ten minutes costs at most ten reads a reference, against two range reads over the window store's
     * segments, which also write its held puts first ({@link BatchLoggedWindowBytesStore}).
     */
    private static final int MAX_REFERENCE_STEP = 10;

    private final AssetStage stage;
    private final PriceAggregator aggregator;
    private ProcessorContext<String, SpecificRecord> context;
    private Summaries<MarketState> markets;
    private Summaries<AssetState> assets;
    private KeyValueStore<String, AssetReference> references;
    private KeyValueStore<String, MarketWideFigures> marketWide;
    private WindowStore<String, Bucket> minutes;
    private WindowStore<String, Bucket> hours;
    private AwaitingCandles awaitingMinutes;
    private AwaitingCandles awaitingHours;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<ExchangeReference>> exchanges;
    private Timers timers;
    private UsdRates rates;
    private TradeCounters counters;
    private Publications<Publisher.Kind> pending;
    private Closes closes;
    private long sweptMinute = Long.MIN_VALUE;
    private long sweptGraceMinute = Long.MIN_VALUE;
    private boolean candleStoresMarked;
    /**
     * Whether a change reference may be moved on by a minute ({@link #refreshChangeReferences}): the buckets at its
     * boundaries, an hour and a window old, take no more trades (those older than grace are rejected).
     */
    private final boolean incrementalReferences;

    AssetStageProcessor(AssetStage stage) {
        this.stage = stage;
        this.aggregator = new PriceAggregator(stage.config().outlierThreshold());
        long graceMinutes = stage.config().grace().toMinutes();
        this.incrementalReferences = graceMinutes < 59 && graceMinutes < stage.config().windowMinutes() - 1;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.markets = new Summaries<>(context.getStateStore(AssetStage.MARKET_STATE), SUMMARY_OBJECTS);
        this.assets = new Summaries<>(context.getStateStore(AssetStage.ASSET_STATE), SUMMARY_OBJECTS);
        this.references = context.getStateStore(AssetStage.ASSET_REFERENCE);
        this.marketWide = context.getStateStore(AssetStage.MARKET_WIDE);
        this.minutes = context.getStateStore(StoreNames.CANDLES_1M);
        this.hours = context.getStateStore(StoreNames.CANDLES_1H);
        // New with every init: a task revived after a failure holds its stores' committed state only.
        this.awaitingMinutes = new AwaitingCandles();
        this.awaitingHours = new AwaitingCandles();
        this.exchanges = context.getStateStore(AssetStage.EXCHANGE_REFERENCE);
        this.timers = new Timers(context.getStateStore(AssetStage.TIMERS));
        scheduleFromState(context.getStateStore(AssetStage.MARKET_STATE), context.getStateStore(AssetStage.ASSET_STATE));
        this.rates = new UsdRates(stage.config().peggedQuotes(), context.getStateStore(AssetStage.USD_PRICES));
        this.counters = new TradeCounters(context.metrics());
        this.pending = context.getStateStore(AssetStage.PENDING);
        this.closes = new Closes(context.getStateStore(AssetStage.ASSET_CLOSES), stage.config().sparklineHours());
        Publisher publisher = new Publisher(context, pending, context.getStateStore(StoreNames.MARKET_METRICS),
                context.getStateStore(StoreNames.ASSET_METRICS), this::marketFigures, this::assetFigures);
        pending.publishBeforeEachCommit(context, stage.config().publishInterval(), stage.config().liveLag(), () -> {
            publisher.flush();
            markets.flush();
            assets.flush();
            timers.flush();
        });
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof Trade trade) {
            if (!candleStoresMarked) {
                markCandleStores(context.currentStreamTimeMs());
                candleStoresMarked = true;
            }
            sweep(context.currentStreamTimeMs());
            onTrade(trade);
        } else {
            onReference(record.key(), (AssetReference) record.value());
        }
    }

    /**
     * Kafka Streams 4.3 keeps a window store's committed changelog offset in the store's time segments. A candle store
     * never written yet has no segment, so no offset; under exactly-once the next start then takes the whole task for
     * corrupted and restores every store of it from scratch. That happened at scale, where the hourly candle store
     * stays empty until the first hour closes. The deletion of a key no subject has, in the current window, creates
     * the segment, so that every run leaves an offset behind.
     */
    private void markCandleStores(long streamTime) {
        minutes.put(NO_SUBJECT, null, minute(streamTime) * MINUTE_MS);
        hours.put(NO_SUBJECT, null, hour(streamTime) * HOUR_MS);
    }

    private void onTrade(Trade trade) {
        double rate = rates.rate(trade.getQuote());
        if (Double.isNaN(rate)) {
            counters.withoutUsdRate();
        }
        long t = trade.getEventTime().toEpochMilli();
        double price = trade.getPrice();
        double quantity = trade.getQuantity();
        double quoteVolume = price * quantity;
        double usdVolume = Double.isNaN(rate) ? 0.0 : quoteVolume * rate;
        double priceUsd = price * rate;
        String base = trade.getBase();
        String market = Symbols.marketId(trade.getExchange(), base, trade.getQuote());

        MarketState ms = markets.get(market);
        if (ms == null) {
            ms = new MarketState(trade.getExchange(), base, trade.getQuote(), new RollingWindow(stage.config().windowMinutes()));
        }
        StoreBuckets marketMinutes = minuteBuckets(market, ms.open.minute);
        StoreBuckets marketHours = hourBuckets(market, ms.open.hour);
        long marketExpiry = ms.window.expiryMinute();
        ms.window.advanceTo(minute(t), marketMinutes, marketHours);
        UnaryOperator<Bucket> addTrade = b -> b.withPrice(t, price).withVolume(quantity, quoteVolume, usdVolume);
        change(marketMinutes, minute(t), addTrade, ms.window, Timers.Kind.MARKET_CANDLE_1M, market);
        change(marketHours, hour(t), addTrade, null, Timers.Kind.MARKET_CANDLE_1H, market);
        reschedule(Timers.Kind.MARKET_WINDOW, market, marketExpiry, ms.window.expiryMinute());
        if (t >= ms.lastTradeTime) {
            ms.lastPrice = price;
            ms.lastPriceUsd = priceUsd;
            ms.lastTradeTime = t;
        }
        ms.evaluatedAt = Math.max(ms.evaluatedAt, t);

        AssetState as = asset(base);
        if (as == null) {
            as = new AssetState(new RollingWindow(stage.config().windowMinutes()), new ArrayList<>());
        }
        long evaluation = Math.max(as.evaluatedAt, t);
        as.evaluatedAt = evaluation;
        as.lastTradeTime = Math.max(as.lastTradeTime, t);
        StoreBuckets assetMinutes = minuteBuckets(base, as.open.minute);
        StoreBuckets assetHours = hourBuckets(base, as.open.hour);
        long assetExpiry = as.window.expiryMinute();
        as.window.advanceTo(minute(evaluation), assetMinutes, assetHours);
        MarketQuote previous = as.quote(market);
        boolean newest = previous == null || t >= previous.lastTradeTime();
        as.putQuote(new MarketQuote(market, newest ? priceUsd : previous.lastPriceUsd(),
                newest ? t : previous.lastTradeTime(), ms.window.volumeUsd()));
        closes.advanceTo(base, as, hour(evaluation));
        OptionalDouble aggregated = aggregator.price(as.markets, evaluation);
        UnaryOperator<Bucket> addVolume = b -> b.withVolume(quantity, 0.0, usdVolume);
        UnaryOperator<Bucket> addPrice = null;
        if (aggregated.isPresent()) {
            double p = aggregated.getAsDouble();
            as.priceUsd = p;
            addPrice = b -> b.withPrice(evaluation, p);
            closes.record(base, as, hour(evaluation), p);
            as.extremes = as.extremes.with(p, evaluation);
        }
        // The trade's volume goes to its own minute and hour, the aggregated price to the evaluation's: the same
        // buckets unless the trade is out of order, and then one read and write of each instead of two.
        addToAsset(assetMinutes, minute(t), minute(evaluation), addVolume, addPrice, as.window, Timers.Kind.ASSET_CANDLE_1M, base);
        addToAsset(assetHours, hour(t), hour(evaluation), addVolume, addPrice, null, Timers.Kind.ASSET_CANDLE_1H, base);
        refreshChangeReferences(base, as, assetMinutes, assetHours, assetExpiry);
        reschedule(Timers.Kind.ASSET_WINDOW, base, assetExpiry, as.window.expiryMinute());
        assets.put(base, as);
        ms.assetVolumeUsd = as.window.volumeUsd();
        markets.put(market, ms);

        pending.mark(Publisher.Kind.MARKET, market);
        pending.mark(Publisher.Kind.ASSET, base);
    }

    private void onReference(String symbol, AssetReference reference) {
        if (reference == null) {
            references.delete(symbol);
        } else {
            references.put(symbol, reference);
        }
        if (assets.get(symbol) != null) {
            pending.mark(Publisher.Kind.ASSET, symbol);
        }
    }

    /**
     * Fires what is due at stream time {@code now}. Due times are minute boundaries (windows) or minute
     * boundaries plus grace (candles), so the index is read only when one of those two minutes moves.
     */
    private void sweep(long now) {
        long minute = minute(now);
        long graceMinute = minute(now - stage.config().grace().toMillis());
        if (minute == sweptMinute && graceMinute == sweptGraceMinute) {
            return;
        }
        sweptMinute = minute;
        sweptGraceMinute = graceMinute;
        for (Timers.Timer timer : timers.takeDue(now)) {
            switch (timer.kind()) {
                case ASSET_WINDOW -> expireAsset(timer.subject(), now);
                case MARKET_WINDOW -> expireMarket(timer.subject(), now);
                case MARKET_CANDLE_1M, MARKET_CANDLE_1H, ASSET_CANDLE_1M, ASSET_CANDLE_1H -> emitCandle(timer);
                default -> throw new IllegalStateException("unknown timer " + timer);
            }
        }
    }

    private void expireAsset(String symbol, long now) {
        AssetState as = asset(symbol);
        as.evaluatedAt = Math.max(as.evaluatedAt, now);
        StoreBuckets assetMinutes = minuteBuckets(symbol, as.open.minute);
        StoreBuckets assetHours = hourBuckets(symbol, as.open.hour);
        long expiry = as.window.expiryMinute();
        as.window.advanceTo(minute(as.evaluatedAt), assetMinutes, assetHours);
        closes.advanceTo(symbol, as, hour(as.evaluatedAt));
        refreshChangeReferences(symbol, as, assetMinutes, assetHours, expiry);
        reschedule(Timers.Kind.ASSET_WINDOW, symbol, RollingWindow.NONE, as.window.expiryMinute());
        assets.put(symbol, as);
        pending.mark(Publisher.Kind.ASSET, symbol);
    }

    private void expireMarket(String market, long now) {
        MarketState ms = markets.get(market);
        ms.evaluatedAt = Math.max(ms.evaluatedAt, now);
        ms.window.advanceTo(minute(ms.evaluatedAt), minuteBuckets(market, ms.open.minute), hourBuckets(market, ms.open.hour));
        reschedule(Timers.Kind.MARKET_WINDOW, market, RollingWindow.NONE, ms.window.expiryMinute());
        AssetState as = asset(ms.base);
        MarketQuote q = as.quote(market);
        as.putQuote(new MarketQuote(market, q.lastPriceUsd(), q.lastTradeTime(), ms.window.volumeUsd()));
        assets.put(ms.base, as);
        ms.assetVolumeUsd = as.window.volumeUsd();
        markets.put(market, ms);
        pending.mark(Publisher.Kind.MARKET, market);
    }

    /**
     * Emits a candle that became final. If it is still its subject's open bucket, it is written to the window
     * store now, within the store's retention, and the summary holds no open bucket until the subject's next trade.
     */
    private void emitCandle(Timers.Timer timer) {
        String subject = timer.subject();
        boolean hourly = timer.kind() == Timers.Kind.MARKET_CANDLE_1H || timer.kind() == Timers.Kind.ASSET_CANDLE_1H;
        boolean market = timer.kind() == Timers.Kind.MARKET_CANDLE_1M || timer.kind() == Timers.Kind.MARKET_CANDLE_1H;
        MarketState ms = market ? markets.get(subject) : null;
        AssetState as = market ? null : asset(subject);
        OpenBucket.Pair open = market ? ms.open : as.open;
        StoreBuckets buckets = hourly ? hourBuckets(subject, open.hour) : minuteBuckets(subject, open.minute);
        Bucket bucket = buckets.get(timer.bucket());
        buckets.emitted(timer.bucket());
        if (buckets.close(timer.bucket())) {
            if (market) {
                markets.put(subject, ms);
            } else {
                assets.put(subject, as);
            }
        }
        if (bucket.hasPrice()) {
            long start = timer.bucket() * (hourly ? HOUR_MS : MINUTE_MS);
            CandleInterval interval = hourly ? CandleInterval.ONE_HOUR : CandleInterval.ONE_MINUTE;
            context.forward(new Record<>(subject, CandleMapper.toCandle(subject, interval, start, bucket), start));
        }
    }

    private StoreBuckets minuteBuckets(String subject, OpenBucket open) {
        return new StoreBuckets(minutes, awaitingMinutes, subject, MINUTE_MS, open);
    }

    private StoreBuckets hourBuckets(String subject, OpenBucket open) {
        return new StoreBuckets(hours, awaitingHours, subject, HOUR_MS, open);
    }

    /** Applies {@code change} to bucket {@code n}, keeps {@code window} (if any) in step, and schedules a new bucket's candle. */
    private void change(StoreBuckets store, long n, UnaryOperator<Bucket> change, RollingWindow window, Timers.Kind candle,
                        String subject) {
        Bucket before = store.get(n);
        Bucket after = change.apply(before);
        store.put(n, after);
        if (window != null) {
            window.onBucketChange(n, before, after);
        }
        if (before.isEmpty()) {
            timers.schedule(candleTimer(candle, n, subject));
        }
    }

    /** The timer of bucket {@code n}'s candle: due when stream time passes the bucket's end plus grace. */
    private Timers.Timer candleTimer(Timers.Kind candle, long n, String subject) {
        long bucketMs = candle == Timers.Kind.MARKET_CANDLE_1M || candle == Timers.Kind.ASSET_CANDLE_1M ? MINUTE_MS : HOUR_MS;
        return new Timers.Timer((n + 1) * bucketMs + stage.config().grace().toMillis(), candle, n, subject);
    }

    /**
     * Schedules every timer the task's state implies ({@link Timers}), when the task starts: each subject's window
     * expiry, the candles of its open buckets (an open bucket's candle is never emitted: emitting closes it), and
     * the candles of closed buckets due after the last sweep. Every candle timer is due after the stream time at
     * which its bucket was written (a trade older than stream time minus grace is rejected), so a closed bucket's
     * candle due at or before the last sweep was emitted then. A store of the former layout named its pending
     * timers itself, closed buckets' candles among them.
     */
    private void scheduleFromState(KeyValueStore<String, MarketState> marketStates, KeyValueStore<String, AssetState> assetStates) {
        try (KeyValueIterator<String, MarketState> it = marketStates.all()) {
            while (it.hasNext()) {
                KeyValue<String, MarketState> kv = it.next();
                scheduleFromSummary(kv.key, kv.value.window, kv.value.open, Timers.Kind.MARKET_WINDOW,
                        Timers.Kind.MARKET_CANDLE_1M, Timers.Kind.MARKET_CANDLE_1H);
            }
        }
        try (KeyValueIterator<String, AssetState> it = assetStates.all()) {
            while (it.hasNext()) {
                KeyValue<String, AssetState> kv = it.next();
                scheduleFromSummary(kv.key, kv.value.window, kv.value.open, Timers.Kind.ASSET_WINDOW,
                        Timers.Kind.ASSET_CANDLE_1M, Timers.Kind.ASSET_CANDLE_1H);
            }
        }
        if (!timers.fromFormerLayout() && timers.swept() != Long.MIN_VALUE) {
            scheduleClosedCandles(minutes, MINUTE_MS, Timers.Kind.MARKET_CANDLE_1M, Timers.Kind.ASSET_CANDLE_1M);
            scheduleClosedCandles(hours, HOUR_MS, Timers.Kind.MARKET_CANDLE_1H, Timers.Kind.ASSET_CANDLE_1H);
        }
    }

    private void scheduleFromSummary(String subject, RollingWindow window, OpenBucket.Pair open, Timers.Kind expiry,
                                     Timers.Kind candle1m, Timers.Kind candle1h) {
        reschedule(expiry, subject, RollingWindow.NONE, window.expiryMinute());
        if (open.minute.n != OpenBucket.NONE && !open.minute.bucket.isEmpty()) {
            timers.schedule(candleTimer(candle1m, open.minute.n, subject));
        }
        if (open.hour.n != OpenBucket.NONE && !open.hour.bucket.isEmpty()) {
            timers.schedule(candleTimer(candle1h, open.hour.n, subject));
        }
    }

    /**
     * Schedules the candles of the closed buckets in {@code store} due after the last sweep: bucket {@code n} is due
     * at {@code (n + 1) * bucketMs + grace}, so they are the buckets from the one holding the swept time minus grace
     * on. No trade wrote a bucket newer than the one holding the swept time: each trade sweeps first.
     */
    private void scheduleClosedCandles(WindowStore<String, Bucket> store, long bucketMs, Timers.Kind market, Timers.Kind asset) {
        long swept = timers.swept();
        long first = Math.floorDiv(swept - stage.config().grace().toMillis(), bucketMs);
        try (KeyValueIterator<Windowed<String>, Bucket> it = store.fetchAll(first * bucketMs, swept + bucketMs)) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, Bucket> kv = it.next();
                String subject = kv.key.key();
                if (!kv.value.isEmpty()) {
                    Timers.Kind kind = Symbols.baseOfMarket(subject) != null ? market : asset;
                    timers.schedule(candleTimer(kind, Math.floorDiv(kv.key.window().start(), bucketMs), subject));
                }
            }
        }
    }

    /** Adds a trade's volume to bucket {@code tradeN} and (when priced) the aggregated price to bucket {@code evaluationN}. */
    private void addToAsset(StoreBuckets store, long tradeN, long evaluationN, UnaryOperator<Bucket> addVolume,
                            UnaryOperator<Bucket> addPrice, RollingWindow window, Timers.Kind candle, String symbol) {
        if (addPrice == null) {
            change(store, tradeN, addVolume, window, candle, symbol);
        } else if (tradeN == evaluationN) {
            change(store, tradeN, b -> addPrice.apply(addVolume.apply(b)), window, candle, symbol);
        } else {
            change(store, tradeN, addVolume, window, candle, symbol);
            change(store, evaluationN, addPrice, window, candle, symbol);
        }
    }

    private void reschedule(Timers.Kind kind, String subject, long before, long after) {
        if (before == after) {
            return;
        }
        if (before != RollingWindow.NONE) {
            timers.cancel(new Timers.Timer(before * MINUTE_MS, kind, 0, subject));
        }
        if (after != RollingWindow.NONE) {
            timers.schedule(new Timers.Timer(after * MINUTE_MS, kind, 0, subject));
        }
    }

    /**
     * The 1h and 24h references change only when the evaluation minute does: evaluations never land before it. When
     * it moves on by up to {@link #MAX_REFERENCE_STEP} minutes, each reference's boundary moves on as far, over buckets
     * that are final (older than grace, {@link #incrementalReferences}): the reference is the close of the newest of
     * them with a price, else it stays (point reads, newest first). The 24h boundary's buckets are read only from the
     * window's oldest bucket on: the window, whose end was the reference minute ({@code refMinute}) before it moved on,
     * held them, and its expiry before it moved, {@code expiryBefore}, is its oldest bucket plus its length; none of them
     * had a change when that is after this minute, as for an asset that did not trade a window ago. A longer gap (an
     * asset that rarely trades, a restart) looks each reference up again: the asset's hourly closes and up to four
     * store ranges.
     */
    private void refreshChangeReferences(String symbol, AssetState as, StoreBuckets assetMinutes, StoreBuckets assetHours,
                                         long expiryBefore) {
        long minute = minute(as.evaluatedAt);
        if (as.refMinute == minute) {
            return;
        }
        int window = stage.config().windowMinutes();
        if (incrementalReferences && as.refMinute < minute && as.refMinute >= minute - MAX_REFERENCE_STEP) {
            as.ref1h = ChangeReference.stepTo(as.ref1h, as.refMinute - 60, minute - 60, assetMinutes);
            if (expiryBefore != RollingWindow.NONE && expiryBefore <= minute) {
                long afterOldest = Math.max(expiryBefore - window, as.refMinute - window + 1) - 1;
                as.ref24h = ChangeReference.stepTo(as.ref24h, afterOldest, minute - window, assetMinutes);
            }
        } else {
            HourlyCloses all = closes.of(symbol, as);
            as.ref1h = ChangeReference.priceAtEndOf(minute - 60, assetMinutes, assetHours, all);
            as.ref24h = ChangeReference.priceAtEndOf(minute - window, assetMinutes, assetHours, all);
        }
        as.refMinute = minute;
    }

    /** A market's figures from its summary, for {@link Publisher}; null for a market without one. */
    private MarketMetrics marketFigures(String market) {
        MarketState ms = markets.get(market);
        if (ms == null) {
            return null;
        }
        ValueAndTimestamp<ExchangeReference> exchange = exchanges.get(ms.exchange);
        return MarketFigures.build(market, ms, exchange == null ? null : exchange.value());
    }

    /** An asset's figures from its summary, for {@link Publisher}; null for an asset without one. */
    private AssetMetrics assetFigures(String symbol) {
        AssetState as = asset(symbol);
        return as == null ? null
                : AssetFigures.build(symbol, as, closes.of(symbol, as), references.get(symbol), marketWide.get(symbol));
    }

    /** The asset's summary (null if none), its hourly closes moved to their store if it was read from layout 1. */
    private AssetState asset(String symbol) {
        AssetState as = assets.get(symbol);
        if (as != null) {
            closes.migrate(symbol, as);
        }
        return as;
    }
}
