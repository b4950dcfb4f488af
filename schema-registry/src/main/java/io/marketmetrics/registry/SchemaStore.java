package io.marketmetrics.registry;

import io.marketmetrics.serde.registry.RegistryEvent;
import io.marketmetrics.serde.registry.RegistryJournal;
import java.util.List;

/**
 * Where the registry server keeps its state: the journal of {@link RegistryEvent}s, replayed on
 * startup. {@link #append} throws (a {@code RegistryException} with error 50001) when it cannot
 * store an event, and the registry then leaves its state unchanged. One server writes to a store.
 */
public interface SchemaStore extends RegistryJournal, AutoCloseable {

    /** Every event stored so far, by this or an earlier run, oldest first. */
    List<RegistryEvent> load();

    @Override
    void close();
}
