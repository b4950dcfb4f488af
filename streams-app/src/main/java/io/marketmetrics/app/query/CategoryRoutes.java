package io.marketmetrics.app.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.marketmetrics.schema.CategoryMetrics;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/v1/categories} (by market cap, merged from every instance with one internal call each)
 * and {@code GET /api/v1/categories/{id}} (from its owner).
 */
final class CategoryRoutes implements ApiRoutes {

    static final String INTERNAL_PATH = "/internal/v1/categories";
    private static final Comparator<JsonNode> BY_MARKET_CAP = Comparator
            .comparingDouble((JsonNode c) -> c.path("marketCapUsd").asDouble()).reversed()
            .thenComparing(c -> c.path("id").asText());

    private final StoreRouter router;
    private final ClusterList lists;
    private final String categoryStore;

    CategoryRoutes(StoreRouter router, ClusterList lists, String categoryStore) {
        this.router = router;
        this.lists = lists;
        this.categoryStore = categoryStore;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/categories", this::list);
        routes.get("/api/v1/categories/{id}", this::category);
        routes.get(INTERNAL_PATH, ctx -> JsonViews.write(ctx, lists.body(local(Params.partitions(ctx)))));
    }

    private void list(Context ctx) throws IOException {
        requireStore();
        List<JsonNode> items = new ArrayList<>(lists.gather(categoryStore, INTERNAL_PATH, Map.of(), this::local).items());
        items.sort(BY_MARKET_CAP);
        JsonViews.write(ctx, items);
    }

    private void category(Context ctx) throws IOException {
        String id = Params.categoryId(ctx.pathParam("id"));
        requireStore();
        StoreRouter.Read<CategoryMetrics> read = router.getOrForward(ctx, categoryStore, id);
        if (read.forwarded()) {
            return;
        }
        CategoryMetrics metrics = read.value();
        if (metrics == null) {
            throw ApiException.notFound("unknown category " + id);
        }
        JsonViews.write(ctx, JsonViews.category(metrics));
    }

    private ClusterList.Part local(Set<Integer> partitions) {
        List<JsonNode> items = new ArrayList<>();
        for (int partition : partitions) {
            ReadOnlyKeyValueStore<String, CategoryMetrics> store = router.localKeyValueStore(categoryStore, partition);
            try (KeyValueIterator<String, CategoryMetrics> all = store.all()) {
                all.forEachRemaining(kv -> items.add(lists.tree(JsonViews.category(kv.value))));
            }
        }
        return new ClusterList.Part(items.size(), items);
    }

    private void requireStore() {
        if (!router.has(categoryStore)) {
            throw ApiException.notFound("category figures are not computed by this deployment (its topology has no store "
                    + categoryStore + ")");
        }
    }
}
