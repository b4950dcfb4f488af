package io.marketmetrics.registry;

import io.javalin.Javalin;
import io.marketmetrics.serde.registry.RegistryCore;
import io.marketmetrics.serde.registry.RegistryEvent;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible schema registry over HTTP (Javalin), its state replayed from a
 * {@link SchemaStore} on start. The caller owns the store and closes it after the server.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final Javalin app;
    private final String host;

    private SchemaRegistryServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** Starts serving on {@code host:port} (port 0 = a free port). */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store) {
        Objects.requireNonNull(store, "store");
        RegistryCore registry = new RegistryCore(store);
        List<RegistryEvent> history = store.load();
        history.forEach(registry::apply);
        RegistryHandlers handlers = new RegistryHandlers(registry);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            handlers.install(config.routes);
        }).start(host, port);
        SchemaRegistryServer server = new SchemaRegistryServer(app, host);
        LOG.info("Schema registry on {} with {} subjects ({} stored events)", server.url(),
                registry.subjects().size(), history.size());
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
