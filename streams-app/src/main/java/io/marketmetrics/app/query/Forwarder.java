package io.marketmetrics.app.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.javalin.http.Context;
import org.apache.kafka.streams.state.HostInfo;

/**
 * HTTP between instances. Relays a request to the instance that owns its key and its answer back
 * to the client, once: a forwarded request that is not local at the receiver either (metadata
 * changing during a rebalance) gets a 503 instead of bouncing between instances.
 */
public final class Forwarder {

    static final String FORWARDED_HEADER = "X-Market-Metrics-Forwarded";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    // HTTP/1.1: the servers speak no h2c, and an upgrade attempt on every request costs a round trip.
    // Runnable::run: the client's selector thread reads and completes each answer itself instead of handing
    // it to a pool thread that then wakes the waiting request thread (one thread switch less per forward;
    // nothing blocking runs in these completions: the bodies are read into bytes or strings).
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .executor(Runnable::run).build();

    /** Answers {@code ctx} with the owner's response to the same path and query. */
    public void forward(Context ctx, HostInfo owner) {
        if (ctx.header(FORWARDED_HEADER) != null) {
            throw ApiException.unavailable("key moved during a rebalance; retry");
        }
        String query = ctx.queryString();
        try {
            // Bytes through: decoding the owner's answer to a String only to encode it again cost two copies.
            HttpResponse<byte[]> response = client.send(request(owner, ctx.path() + (query == null ? "" : "?" + query)),
                    HttpResponse.BodyHandlers.ofByteArray());
            ctx.status(response.statusCode())
                    .contentType(response.headers().firstValue("Content-Type").orElse("application/json"))
                    .result(response.body());
        } catch (IOException e) {
            throw unreachable(owner, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while asking " + address(owner));
        }
    }

    /** GETs {@code pathAndQuery} from {@code instance} without waiting. */
    CompletableFuture<HttpResponse<String>> get(HostInfo instance, String pathAndQuery) {
        return client.sendAsync(request(instance, pathAndQuery), HttpResponse.BodyHandlers.ofString());
    }

    static ApiException unreachable(HostInfo instance, Throwable cause) {
        return ApiException.unavailable("instance " + address(instance) + " holding the data is unreachable: " + cause);
    }

    private static HttpRequest request(HostInfo owner, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://" + address(owner) + pathAndQuery))
                .timeout(TIMEOUT).header(FORWARDED_HEADER, "1").GET().build();
    }

    private static String address(HostInfo instance) {
        return instance.host() + ":" + instance.port();
    }
}
