package io.marketmetrics.app.query;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.marketmetrics.app.topology.CandleMapper;
import io.marketmetrics.app.topology.asset.OpenCandles;
import io.marketmetrics.app.topology.calc.Bucket;
import io.marketmetrics.schema.CandleInterval;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * {@code GET /api/v1/assets/{symbol}/candles?interval=1m|1h&from=&to=}: the asset's OHLCV candles (USD)
 * whose start lies in {@code [from, to)}, oldest first, from the window stores of its owner and (the newest,
 * possibly still open) from the asset's summary ({@link OpenCandles}). At most one store retention's worth (the latest ones when more match).
 */
final class CandleRoutes implements ApiRoutes {

    /** An interval: its store, the candles one response holds at most (about the store's retention). */
    private record Interval(CandleInterval kind, String store, int maxCandles) {
    }

    private final StoreRouter router;
    private final Map<String, Interval> intervals;

    CandleRoutes(StoreRouter router, String candles1m, String candles1h) {
        this.router = router;
        this.intervals = Map.of(
                "1m", new Interval(CandleInterval.ONE_MINUTE, candles1m, (int) Duration.ofDays(3).toMinutes()),
                "1h", new Interval(CandleInterval.ONE_HOUR, candles1h, (int) Duration.ofDays(9).toHours()));
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/assets/{symbol}/candles", this::candles);
    }

    private void candles(Context ctx) throws IOException {
        String symbol = Params.symbol(ctx);
        String name = ctx.queryParam("interval");
        Interval interval = name == null ? null : intervals.get(name);
        if (interval == null) {
            throw ApiException.badRequest("interval must be 1m or 1h, got " + (name == null ? "none" : "'" + name + "'"));
        }
        Instant from = Params.time(ctx, "from", Instant.EPOCH);
        Instant to = Params.time(ctx, "to", Instant.ofEpochMilli(Long.MAX_VALUE / 2));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from (" + from + ") must be before to (" + to + ")");
        }
        if (!router.has(interval.store())) {
            throw ApiException.notFound("candles are not kept by this deployment (its topology has no store " + interval.store() + ")");
        }
        Optional<ReadOnlyWindowStore<String, Bucket>> local = router.localWindowOrForward(ctx, interval.store(), symbol);
        if (local.isEmpty()) {
            return;
        }
        // The newest bucket lives in the asset's summary until a newer one opens: read it before the store, so
        // that a bucket moving to the store in between is seen once, not missed.
        Optional<KeyValue<Long, Bucket>> open = router.has(OpenCandles.STORE)
                ? OpenCandles.of(router.localKeyValueStore(OpenCandles.STORE, router.locate(OpenCandles.STORE, symbol).partition()),
                        symbol, interval.kind())
                : Optional.empty();
        List<Map<String, Object>> candles = new ArrayList<>();
        open.filter(kv -> kv.key >= from.toEpochMilli() && kv.key < to.toEpochMilli() && kv.value.hasPrice())
                .ifPresent(kv -> candles.add(candle(symbol, interval, kv)));
        long openStart = open.map(kv -> kv.key).orElse(Long.MIN_VALUE);
        // Newest first, so that the cap keeps the latest candles; the window store's range is inclusive.
        try (WindowStoreIterator<Bucket> it = local.get().backwardFetch(symbol, from, to.minusMillis(1))) {
            while (it.hasNext() && candles.size() < interval.maxCandles()) {
                KeyValue<Long, Bucket> kv = it.next();
                if (kv.value.hasPrice() && kv.key != openStart) {
                    candles.add(candle(symbol, interval, kv));
                }
            }
        }
        Collections.reverse(candles);
        JsonViews.write(ctx, candles);
    }

    private static Map<String, Object> candle(String symbol, Interval interval, KeyValue<Long, Bucket> bucket) {
        return JsonViews.candle(CandleMapper.toCandle(symbol, interval.kind(), bucket.key, bucket.value));
    }
}
