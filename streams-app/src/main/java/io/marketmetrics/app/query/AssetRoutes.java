package io.marketmetrics.app.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonSerializable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/v1/assets/{symbol}} and {@code GET /api/v1/assets/{symbol}/markets}: read from
 * the instance that holds the asset's partition, locally or by forwarding.
 */
final class AssetRoutes implements ApiRoutes {

    private static final Comparator<MarketMetrics> BY_VOLUME_DESC = Comparator
            .comparingDouble(MarketMetrics::getVolume24hUsd).reversed()
            .thenComparing(MarketMetrics::getMarket);

    private final StoreRouter router;
    private final String assetStore;
    private final String marketStore;

    /**
     * @param assetStore  key-value store: asset symbol -> {@link AssetMetrics}
     * @param marketStore key-value store: market id -> {@link MarketMetrics}, in the base asset's partition
     */
    AssetRoutes(StoreRouter router, String assetStore, String marketStore) {
        this.router = router;
        this.assetStore = assetStore;
        this.marketStore = marketStore;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/assets/{symbol}", this::asset);
        routes.get("/api/v1/assets/{symbol}/markets", this::markets);
    }

    private void asset(Context ctx) throws IOException {
        String symbol = Params.symbol(ctx);
        StoreRouter.Read<AssetMetrics> read = router.getOrForward(ctx, assetStore, symbol);
        if (read.forwarded()) {
            return;
        }
        AssetMetrics metrics = read.value();
        if (metrics == null) {
            throw ApiException.notFound("unknown asset " + symbol);
        }
        JsonViews.write(ctx, JsonViews.asset(metrics));
    }

    private void markets(Context ctx) throws IOException {
        String symbol = Params.symbol(ctx);
        Optional<ReadOnlyKeyValueStore<String, MarketMetrics>> local = router.localOrForward(ctx, marketStore, symbol);
        if (local.isEmpty()) {
            return;
        }
        List<MarketMetrics> markets = new ArrayList<>();
        // Market ids start with the exchange, so the asset's markets are not one key range: scan
        // the partition, which holds only the markets of the assets hashed to it.
        try (KeyValueIterator<String, MarketMetrics> all = local.get().all()) {
            all.forEachRemaining(kv -> {
                if (symbol.equals(kv.value.getBase())) {
                    markets.add(kv.value);
                }
            });
        }
        if (markets.isEmpty()) {
            throw ApiException.notFound("no markets for asset " + symbol);
        }
        markets.sort(BY_VOLUME_DESC);
        List<JsonSerializable> body = markets.stream().map(JsonViews::market).toList();
        JsonViews.write(ctx, body);
    }
}
