package io.marketmetrics.serde.registry;

/** Where the registry records each change before applying it (a durable log, or nothing in memory). */
@FunctionalInterface
public interface RegistryJournal {

    /** A journal that keeps nothing: the state lives only in memory. */
    RegistryJournal NONE = event -> { };

    /**
     * Records the event durably; throws (leaving the registry unchanged) when it cannot.
     */
    void append(RegistryEvent event);
}
