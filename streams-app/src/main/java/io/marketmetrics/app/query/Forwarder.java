package io.marketmetrics.app.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
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
    private static final int TIMEOUT_MILLIS = (int) TIMEOUT.toMillis();

    // For the lists' calls to every instance at once. HTTP/1.1: the servers speak no h2c, and an upgrade attempt on
    // every request costs a round trip. Runnable::run: the client's selector thread completes each answer itself
    // instead of handing it to a pool thread (nothing blocking runs in these completions: bodies are read into strings).
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .executor(Runnable::run).build();

    /**
     * Answers {@code ctx} with the owner's response to the same path and query, asked from the request's own thread
     * on a kept-alive connection ({@link HttpURLConnection}, which reuses a connection once its answer is read to the
     * end). The asynchronous client above costs a hand-off to its selector thread and back for every answer: in the
     * profile of the latency benchmark, its selector thread alone used about 0.1 ms of CPU per forwarded request, a
     * quarter of what the forwarding instance spent on it (docs/PERFORMANCE.md, "HTTP API"). The JDK keeps up to
     * {@code http.maxConnections} (default 5) idle connections per instance; more forwards at once open more.
     */
    public void forward(Context ctx, HostInfo owner) {
        if (ctx.header(FORWARDED_HEADER) != null) {
            throw ApiException.unavailable("key moved during a rebalance; retry");
        }
        String query = ctx.queryString();
        int status;
        String type;
        byte[] body;
        try {
            // No proxy, as the asynchronous client: the instances reach each other directly.
            HttpURLConnection connection = (HttpURLConnection) uri(owner, ctx.path() + (query == null ? "" : "?" + query))
                    .toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setRequestProperty(FORWARDED_HEADER, "1");
            status = connection.getResponseCode();
            type = connection.getContentType();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                body = in == null ? new byte[0] : readToEnd(in, connection.getContentLengthLong());
            }
        } catch (IOException e) {
            throw unreachable(owner, e);
        }
        ctx.status(status).contentType(type == null ? "application/json" : type);
        try {
            // Straight into the response: ctx.result(body) would copy it through another buffer per request.
            ctx.outputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the forwarded answer to the client", e);
        }
    }

    /**
     * The whole body (read to its end, so that the connection is kept), into an array of its length when the answer
     * gives one: {@code readAllBytes} fills an 8 KB buffer first and then copies it, a tenth of what the forwarding
     * instance allocated per request in the latency benchmark (docs/PERFORMANCE.md, "HTTP API").
     */
    private static byte[] readToEnd(InputStream in, long contentLength) throws IOException {
        return contentLength >= 0 && contentLength <= Integer.MAX_VALUE ? in.readNBytes((int) contentLength) : in.readAllBytes();
    }

    /** GETs {@code pathAndQuery} from {@code instance} without waiting. */
    CompletableFuture<HttpResponse<String>> get(HostInfo instance, String pathAndQuery) {
        return client.sendAsync(request(instance, pathAndQuery), HttpResponse.BodyHandlers.ofString());
    }

    static ApiException unreachable(HostInfo instance, Throwable cause) {
        return ApiException.unavailable("instance " + address(instance) + " holding the data is unreachable: " + cause);
    }

    private static HttpRequest request(HostInfo owner, String pathAndQuery) {
        return HttpRequest.newBuilder(uri(owner, pathAndQuery)).timeout(TIMEOUT).header(FORWARDED_HEADER, "1").GET().build();
    }

    private static URI uri(HostInfo owner, String pathAndQuery) {
        return URI.create("http://" + address(owner) + pathAndQuery);
    }

    private static String address(HostInfo instance) {
        return instance.host() + ":" + instance.port();
    }
}
