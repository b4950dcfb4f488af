package io.marketmetrics.app.query;

import io.javalin.config.RoutesConfig;

/** One group of endpoints of the HTTP API; {@link ApiServer} registers every group at start. */
@FunctionalInterface
public interface ApiRoutes {

    void register(RoutesConfig routes);
}
