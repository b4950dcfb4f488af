package io.marketmetrics.app.query;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * This instance as the HTTP API sees it: its {@link KafkaStreams} (attached once created, since the
 * server starts first to learn its own port), the address other instances reach it at, and a count of
 * the application's state changes, by which {@link StoreRouter} knows when what it cached of the group's
 * metadata may be out of date.
 */
public final class LocalInstance {

    private volatile KafkaStreams streams;
    private volatile HostInfo self;
    private final AtomicLong stateChanges = new AtomicLong();

    /**
     * Called once the application exists, before it starts; until then every query answers 503. Installs the
     * application's one state listener (KafkaStreams keeps one, and another would replace this one and leave
     * the router's cache stale): it counts the change, then tells {@code listener}.
     */
    public void attach(KafkaStreams streams, HostInfo self, KafkaStreams.StateListener listener) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
        Objects.requireNonNull(listener, "listener");
        streams.setStateListener((now, before) -> {
            stateChanges.incrementAndGet(); // called outside Kafka Streams' state lock, from several threads
            listener.onChange(now, before);
        });
    }

    /** The state of the application, {@code STARTING} before it is attached. */
    public String state() {
        KafkaStreams s = streams;
        return s == null ? "STARTING" : s.state().name();
    }

    public boolean isRunning() {
        KafkaStreams s = streams;
        return s != null && s.state() == KafkaStreams.State.RUNNING;
    }

    /** The running application. @throws ApiException 503 while it is not RUNNING */
    KafkaStreams running() {
        KafkaStreams s = streams;
        if (s == null || s.state() != KafkaStreams.State.RUNNING) {
            throw ApiException.unavailable("stores not queryable while the application is " + state());
        }
        return s;
    }

    HostInfo self() {
        return self;
    }

    /**
     * How many times the application changed state so far. With the classic rebalance protocol (the default, and
     * what this application uses) every rebalance takes each instance from RUNNING to REBALANCING and back, also
     * one whose own tasks did not change, so the count moves whenever the group's metadata may have.
     */
    long stateChanges() {
        return stateChanges.get();
    }
}
