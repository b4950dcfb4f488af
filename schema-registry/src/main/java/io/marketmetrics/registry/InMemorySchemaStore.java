package io.marketmetrics.registry;

import io.marketmetrics.serde.registry.RegistryEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the events in memory: state survives a server restart within the JVM, not the JVM. */
public final class InMemorySchemaStore implements SchemaStore {

    private final List<RegistryEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void append(RegistryEvent event) {
        events.add(event);
    }

    @Override
    public List<RegistryEvent> load() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        // nothing held
    }
}
