package io.marketmetrics.app.query;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.marketmetrics.model.Symbols;

/**
 * {@code GET /api/v1/stream?symbols=BTC,ETH}: server-sent events of metric updates ({@code event: asset}
 * with the figures of {@code GET /api/v1/assets/{symbol}}, {@code event: market} with those of one market
 * of {@code /markets}); without {@code symbols}, every asset. Each subscriber holds one request thread
 * that writes its own bounded queue out, so a slow reader only ever waits on itself.
 */
final class StreamRoutes implements ApiRoutes {

    private static final int MAX_SYMBOLS = 100;
    private static final long POLL_MILLIS = 1_000;
    // Comments keep idle connections open through proxies and reveal clients that went away.
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final UpdateFanOut subscribers;
    private final int queueCapacity;
    private final int maxClients;
    private volatile boolean closed;

    /**
     * @param queueCapacity events a subscriber may lag behind before it is dropped
     * @param maxClients    subscribers served at once (each holds a request thread); more get 503
     */
    StreamRoutes(UpdateFanOut subscribers, int queueCapacity, int maxClients) {
        this.subscribers = subscribers;
        this.queueCapacity = queueCapacity;
        this.maxClients = maxClients;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/stream", this::stream);
    }

    /** Ends every stream within a second, so that the server can stop. */
    void close() {
        closed = true;
    }

    private void stream(Context ctx) throws IOException, InterruptedException {
        Set<String> symbols = symbols(ctx.queryParam("symbols"));
        if (subscribers.subscribers() >= maxClients) {
            throw ApiException.unavailable("too many live-update subscribers (" + maxClients + "); retry later");
        }
        StreamClient client = new StreamClient(symbols, queueCapacity);
        ctx.disableCompression();
        ctx.status(200).contentType("text/event-stream; charset=utf-8").header("Cache-Control", "no-cache");
        OutputStream out = ctx.res().getOutputStream();
        subscribers.subscribe(client);
        try {
            write(out, "retry: 3000\n\n");
            long idle = 0;
            while (!closed && !client.dropped()) {
                StreamClient.Event event = client.next(POLL_MILLIS);
                if (event != null) {
                    write(out, "event: " + event.name() + "\ndata: " + event.data() + "\n\n");
                    idle = 0;
                } else if ((idle += POLL_MILLIS) >= KEEP_ALIVE_MILLIS) {
                    write(out, ": keep-alive\n\n");
                    idle = 0;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            subscribers.unsubscribe(client);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Set<String> symbols(String raw) {
        Set<String> symbols = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return symbols;
        }
        for (String s : raw.split(",")) {
            String symbol = s.trim().toUpperCase(Locale.ROOT);
            if (!Symbols.isAssetSymbol(symbol)) {
                throw ApiException.badRequest("invalid asset symbol '" + s.trim() + "' in symbols: expected "
                        + Symbols.ASSET_SYMBOL.pattern() + ", comma-separated");
            }
            symbols.add(symbol);
        }
        if (symbols.size() > MAX_SYMBOLS) {
            throw ApiException.badRequest("at most " + MAX_SYMBOLS + " symbols per stream, got " + symbols.size());
        }
        return symbols;
    }
}
