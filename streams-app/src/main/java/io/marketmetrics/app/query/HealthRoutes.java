package io.marketmetrics.app.query;

import java.util.Map;

import io.javalin.config.RoutesConfig;

/** {@code GET /health}: 200 while the application is RUNNING, 503 with its state otherwise. */
public final class HealthRoutes implements ApiRoutes {

    private final LocalInstance instance;

    public HealthRoutes(LocalInstance instance) {
        this.instance = instance;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            String state = instance.state();
            if (instance.isRunning()) {
                JsonViews.write(ctx, Map.of("state", state));
            } else {
                ApiServer.error(ctx, 503, "application is " + state);
            }
        });
    }
}
