package io.marketmetrics.app.query;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.Topology;

/**
 * The whole HTTP API of one instance (INTERFACES.md, "HTTP API"), the coin pages and the live-update
 * feed behind {@code /api/v1/stream}: what the runtime starts beside its {@link org.apache.kafka.streams.KafkaStreams}.
 */
public final class QueryApi implements AutoCloseable {

    // 256 updates is minutes of one asset's figures (one per commit interval): a subscriber that far
    // behind is not reading, and is dropped.
    private static final int STREAM_QUEUE_CAPACITY = 256;
    // Each subscriber holds one of the server's request threads (Jetty's pool has 250).
    private static final int MAX_STREAM_CLIENTS = 100;

    private final ApiServer server;
    private final UpdateFeed feed;
    private final StreamRoutes stream;

    private QueryApi(ApiServer server, UpdateFeed feed, StreamRoutes stream) {
        this.server = server;
        this.feed = feed;
        this.stream = stream;
    }

    /**
     * Starts serving on {@code host:port} (0: a free port). Queries answer 503 until {@code instance}
     * is attached to a running application.
     *
     * @param topology what the application runs: which of {@code stores} exist, and where
     */
    public static QueryApi start(String host, int port, LocalInstance instance, Topology topology, QueryStores stores,
                                 UpdateFeed.Source updates) {
        return start(host, port, instance, topology, stores, updates, List.of(), RequestListener.NONE);
    }

    /** Like the above, also serving {@code extra} (e.g. /metrics) and telling {@code listener} of every request. */
    public static QueryApi start(String host, int port, LocalInstance instance, Topology topology, QueryStores stores,
                                 UpdateFeed.Source updates, List<ApiRoutes> extra, RequestListener listener) {
        Forwarder forwarder = new Forwarder();
        StoreRouter router = new StoreRouter(instance, StoreLayout.of(topology.describe()), forwarder);
        ClusterList lists = new ClusterList(router, forwarder, new ObjectMapper());
        UpdateFeed feed = UpdateFeed.start(updates);
        StreamRoutes stream = new StreamRoutes(feed.fanOut(), STREAM_QUEUE_CAPACITY, MAX_STREAM_CLIENTS);
        try {
            // The busiest route first: Javalin tries a request's path against each route's pattern in this order.
            List<ApiRoutes> groups = new ArrayList<>(List.of(
                    new AssetRoutes(router, stores.assets(), stores.markets()),
                    new HealthRoutes(instance),
                    new AssetListRoutes(router, lists, stores.assets()),
                    new CandleRoutes(router, stores.candles1m(), stores.candles1h()),
                    new IndexRoutes(router, stores.indexes()),
                    new CategoryRoutes(router, lists, stores.categories()),
                    stream,
                    new PageRoutes()));
            groups.addAll(extra);
            ApiServer server = ApiServer.start(host, port, groups, listener);
            return new QueryApi(server, feed, stream);
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** Every route served, as {@code "GET /api/v1/assets/{symbol}"}. */
    public List<String> routes() {
        return server.routes();
    }

    /** The live-update feed, for its counters. */
    public UpdateFeed feed() {
        return feed;
    }

    @Override
    public void close() {
        stream.close();
        server.close();
        feed.close();
    }
}
