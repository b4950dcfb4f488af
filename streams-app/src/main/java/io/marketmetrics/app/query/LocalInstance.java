package io.marketmetrics.app.query;

import java.util.Objects;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * This instance as the HTTP API sees it: its {@link KafkaStreams} (attached once created, since the
 * server starts first to learn its own port) and the address other instances reach it at.
 */
public final class LocalInstance {

    private volatile KafkaStreams streams;
    private volatile HostInfo self;

    /** Called once the application exists; until then every query answers 503. */
    public void attach(KafkaStreams streams, HostInfo self) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
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
}
