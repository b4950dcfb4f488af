package io.marketmetrics.app.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.javalin.config.RoutesConfig;

/**
 * The coin pages: plain HTML whose scripts read the HTTP API (and its live stream) of the instance that
 * served them; their CSS and JavaScript are the static files under {@code /static} (no build step, no CDN).
 * The OpenAPI document of the API is served beside them.
 */
final class PageRoutes implements ApiRoutes {

    /** Classpath folder of the files served under {@code /static}. */
    static final String STATIC_FILES = "/web/static";

    @Override
    public void register(RoutesConfig routes) {
        String shell = resource("/web/shell.html");
        page(routes, shell, "/", "assets");
        page(routes, shell, "/assets/{symbol}", "asset");
        page(routes, shell, "/categories/{id}", "category");
        page(routes, shell, "/indexes/{symbol}", "index");
        String openApi = resource("/web/openapi.json");
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    /** Serves {@code pages/<page>.html} in the shell; the script picks its part by the body's data-page. */
    private static void page(RoutesConfig routes, String shell, String path, String page) {
        String html = shell.replace("%PAGE%", page).replace("%BODY%", resource("/web/pages/" + page + ".html"));
        routes.get(path, ctx -> ctx.html(html));
    }

    private static String resource(String name) {
        try (InputStream in = PageRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in the application jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
