package io.marketmetrics.serde.registry;

import java.util.Objects;

/**
 * A change of registry state. The registry applies events in order; a durable store keeps them so
 * that replaying them from the start rebuilds the same subjects, versions, ids and configuration.
 */
public sealed interface RegistryEvent {

    /** A new version of a subject. */
    record SchemaRegistered(RegisteredSchema schema) implements RegistryEvent {
        public SchemaRegistered {
            Objects.requireNonNull(schema, "schema");
        }
    }

    /** A compatibility level set for one subject, or globally when {@code subject} is null. */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements RegistryEvent {
        public CompatibilitySet {
            Objects.requireNonNull(level, "level");
        }

        public static CompatibilitySet global(CompatibilityLevel level) {
            return new CompatibilitySet(null, level);
        }

        public boolean isGlobal() {
            return subject == null;
        }
    }
}
