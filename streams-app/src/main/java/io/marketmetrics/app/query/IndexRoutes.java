package io.marketmetrics.app.query;

import java.io.IOException;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.marketmetrics.schema.IndexMetrics;

/** {@code GET /api/v1/indexes/{symbol}}: an index token's NAV, premium and constituents, from its owner. */
final class IndexRoutes implements ApiRoutes {

    private final StoreRouter router;
    private final String indexStore;

    IndexRoutes(StoreRouter router, String indexStore) {
        this.router = router;
        this.indexStore = indexStore;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/indexes/{symbol}", this::index);
    }

    private void index(Context ctx) throws IOException {
        String symbol = Params.symbol(ctx);
        if (!router.has(indexStore)) {
            throw ApiException.notFound("index figures are not computed by this deployment (its topology has no store "
                    + indexStore + ")");
        }
        StoreRouter.Read<IndexMetrics> read = router.getOrForward(ctx, indexStore, symbol);
        if (read.forwarded()) {
            return;
        }
        IndexMetrics metrics = read.value();
        if (metrics == null) {
            throw ApiException.notFound("unknown index " + symbol);
        }
        JsonViews.write(ctx, JsonViews.index(metrics));
    }
}
