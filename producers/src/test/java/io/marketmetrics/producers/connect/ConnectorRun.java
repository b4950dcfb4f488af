package io.marketmetrics.producers.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.schema.Trade;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link VenueConnector} running on its own thread into a list, with its meters, for tests. */
final class ConnectorRun implements AutoCloseable {

    /** Short delays so that a test's reconnect takes milliseconds. */
    static final ConnectionSettings FAST = new ConnectionSettings(
            Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(30), null);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Trade> trades = new ArrayList<>();
    private final VenueConnector connector;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ConnectorRun(Venue venue, List<String> symbols, URI uri, ConnectionSettings settings) {
        connector = new VenueConnector(venue, symbols, uri, settings, registry);
        thread = new Thread(() -> {
            try {
                connector.run(trade -> {
                    synchronized (trades) {
                        trades.add(trade);
                    }
                });
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "connector-under-test");
        thread.start();
    }

    ConnectorRun(Venue venue, List<String> symbols, URI uri) {
        this(venue, symbols, uri, FAST);
    }

    List<Trade> trades() {
        synchronized (trades) {
            return List.copyOf(trades);
        }
    }

    double count(String counter) {
        return registry.get(counter).counter().count();
    }

    @Override
    public void close() throws InterruptedException {
        connector.close();
        thread.join(Duration.ofSeconds(10).toMillis());
        assertThat(thread.isAlive()).as("connector stopped after close").isFalse();
        assertThat(failure.get()).as("connector failure").isNull();
    }
}
