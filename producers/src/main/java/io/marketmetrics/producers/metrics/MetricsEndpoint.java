package io.marketmetrics.producers.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} of a producers process, in the Prometheus text format, on the JDK's own HTTP
 * server (the producers jar has no web framework). The registry joins Micrometer's global registry,
 * which the venue connectors and the publisher meter into, so one scrape sees them all.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final HttpServer server;
    private final ProcessMeters meters;

    private MetricsEndpoint(HttpServer server, ProcessMeters meters) {
        this.server = server;
        this.meters = meters;
    }

    /** Serves {@code /metrics} on {@code host:port} (port 0 picks a free one). */
    public static MetricsEndpoint start(String host, int port) {
        ProcessMeters meters = new ProcessMeters();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            meters.close();
            throw new UncheckedIOException("Cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", exchange -> answer(exchange, meters));
        server.start();
        Metrics.addRegistry(meters.registry());
        log.info("Metrics on http://{}:{}/metrics", host, server.getAddress().getPort());
        return new MetricsEndpoint(server, meters);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, ProcessMeters meters) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !"/metrics".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = meters.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", ProcessMeters.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        Metrics.removeRegistry(meters.registry());
        server.stop(0);
        meters.close();
    }
}
