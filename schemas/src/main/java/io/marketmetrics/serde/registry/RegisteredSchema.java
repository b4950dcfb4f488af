package io.marketmetrics.serde.registry;

import java.util.Objects;

/**
 * One version of a subject: its global schema id and the schema text as the registry stores it.
 *
 * @param subject subject name, e.g. {@code trades-value}
 * @param version 1-based version within the subject
 * @param id      registry-wide schema id (the id in the wire format)
 * @param schema  canonical Avro schema JSON
 */
public record RegisteredSchema(String subject, int version, int id, String schema) {
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
