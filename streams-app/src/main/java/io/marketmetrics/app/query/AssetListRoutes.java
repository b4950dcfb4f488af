package io.marketmetrics.app.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.marketmetrics.schema.AssetMetrics;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/v1/assets?limit=&offset=&category=}: assets by rank, merged from every instance with
 * one internal call each ({@code GET /internal/v1/assets}), each returning its best {@code offset + limit}.
 */
final class AssetListRoutes implements ApiRoutes {

    static final String INTERNAL_PATH = "/internal/v1/assets";
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_OFFSET = 100_000;

    /**
     * By rank; before ranks exist (or for assets without one) by market cap, descending, which is what
     * rank means (METRICS.md); unknown last; ties by symbol.
     */
    static final Comparator<JsonNode> BY_RANK = Comparator
            .comparing((JsonNode a) -> number(a, "rank"), Comparator.nullsLast(Comparator.<Double>naturalOrder()))
            .thenComparing(a -> number(a, "marketCapUsd"), Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(a -> a.path("symbol").asText());

    private final StoreRouter router;
    private final ClusterList lists;
    private final String assetStore;

    AssetListRoutes(StoreRouter router, ClusterList lists, String assetStore) {
        this.router = router;
        this.lists = lists;
        this.assetStore = assetStore;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/assets", this::list);
        routes.get(INTERNAL_PATH, this::localShare);
    }

    private void list(Context ctx) throws IOException {
        int limit = Params.integer(ctx, "limit", 100, 1, MAX_LIMIT);
        int offset = Params.integer(ctx, "offset", 0, 0, MAX_OFFSET);
        String category = ctx.queryParam("category") == null ? null : Params.categoryId(ctx.queryParam("category"));
        Map<String, String> params = new HashMap<>();
        params.put("limit", Integer.toString(offset + limit));
        if (category != null) {
            params.put("category", category);
        }
        ClusterList.Part all = lists.gather(assetStore, INTERNAL_PATH, params, partitions -> local(partitions, offset + limit, category));
        List<JsonNode> items = new ArrayList<>(all.items());
        items.sort(BY_RANK);
        ctx.header("X-Total-Count", Long.toString(all.total()));
        JsonViews.write(ctx, items.subList(Math.min(offset, items.size()), Math.min(offset + limit, items.size())));
    }

    private void localShare(Context ctx) throws IOException {
        int limit = Params.integer(ctx, "limit", MAX_LIMIT, 1, MAX_OFFSET + MAX_LIMIT);
        String category = ctx.queryParam("category") == null ? null : Params.categoryId(ctx.queryParam("category"));
        JsonViews.write(ctx, lists.body(local(Params.partitions(ctx), limit, category)));
    }

    private ClusterList.Part local(Set<Integer> partitions, int limit, String category) {
        List<JsonNode> items = new ArrayList<>();
        for (int partition : partitions) {
            ReadOnlyKeyValueStore<String, AssetMetrics> store = router.localKeyValueStore(assetStore, partition);
            try (KeyValueIterator<String, AssetMetrics> all = store.all()) {
                all.forEachRemaining(kv -> {
                    if (category == null || kv.value.getCategories().contains(category)) {
                        items.add(lists.tree(JsonViews.asset(kv.value)));
                    }
                });
            }
        }
        items.sort(BY_RANK);
        return new ClusterList.Part(items.size(), List.copyOf(items.subList(0, Math.min(limit, items.size()))));
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
