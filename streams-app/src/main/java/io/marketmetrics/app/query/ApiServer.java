package io.marketmetrics.app.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of one instance: Javalin on a host and port, the given route groups, and every
 * error as {@code {"error": "...", "status": N}} (INTERFACES.md, "HTTP API").
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final int RESPONSE_COPY_BUFFER_BYTES = 4096;

    private final Javalin app;
    private final List<String> routes;

    private ApiServer(Javalin app, List<String> routes) {
        this.app = app;
        this.routes = List.copyOf(routes);
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one), telling {@code listener} of every request. */
    public static ApiServer start(String host, int port, List<ApiRoutes> groups, RequestListener listener) {
        List<String> routes = new ArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Javalin copies every response through a fresh buffer of this size (default: Jetty's 32 KB output
            // buffer). Our answers are a few KB: 32 KB per request was a third of all allocation under load,
            // and the collections it caused were the API's latency tail (docs/PERFORMANCE.md).
            config.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
            config.events.handlerAdded(h -> routes.add(h.getHttpMethod() + " " + h.getPath()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = PageRoutes.STATIC_FILES;
                files.location = Location.CLASSPATH;
            });
            config.requestLogger.http((ctx, millis) -> listener.completed(ctx.method().name(), route(ctx), ctx.statusCode(), millis));
            groups.forEach(group -> group.register(config.routes));
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            // A store that migrates or closes between finding it and reading it: the same as not finding it.
            config.routes.exception(InvalidStateStoreException.class, (e, ctx) ->
                    error(ctx, 503, "store not queryable now, retry: " + e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Request {} failed", ctx.path(), e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
            });
            config.routes.error(404, "*", ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) { // no route matched: not one of our 404s
                    error(ctx, 404, "no such endpoint: " + ctx.path());
                }
            });
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot serve HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        log.info("HTTP API on http://{}:{}", host, app.port());
        return new ApiServer(app, routes);
    }

    public int port() {
        return app.port();
    }

    /** Every route served, as {@code "GET /api/v1/assets/{symbol}"}. */
    public List<String> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? RequestListener.UNMATCHED : endpoint.path;
    }

    static void error(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        ctx.status(status);
        try {
            JsonViews.write(ctx, body);
        } catch (IOException e) {
            log.warn("Error answer {} to {} not delivered (client gone?): {}", status, ctx.path(), e.toString());
        }
    }
}
