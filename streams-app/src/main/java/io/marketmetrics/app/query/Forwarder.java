package io.marketmetrics.app.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.javalin.http.Context;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Relays a request to the instance that owns its key and its answer back to the client, once:
 * a forwarded request that is not local at the receiver either (metadata changing during a
 * rebalance) gets a 503 instead of bouncing between instances.
 */
public final class Forwarder {

    static final String FORWARDED_HEADER = "X-Market-Metrics-Forwarded";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Answers {@code ctx} with the owner's response to the same path and query. */
    public void forward(Context ctx, HostInfo owner) {
        if (ctx.header(FORWARDED_HEADER) != null) {
            throw ApiException.unavailable("key moved during a rebalance; retry");
        }
        String query = ctx.queryString();
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + ctx.path() + (query == null ? "" : "?" + query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(FORWARDED_HEADER, "1").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            ctx.status(response.statusCode())
                    .contentType(response.headers().firstValue("Content-Type").orElse("application/json"))
                    .result(response.body());
        } catch (IOException e) {
            throw ApiException.unavailable("instance " + owner.host() + ":" + owner.port() + " holding the key is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while asking " + owner.host() + ":" + owner.port());
        }
    }
}
