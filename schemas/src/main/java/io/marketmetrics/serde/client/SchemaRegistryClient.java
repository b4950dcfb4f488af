package io.marketmetrics.serde.client;

import io.marketmetrics.serde.registry.RegisteredSchema;
import org.apache.avro.Schema;

/**
 * What the serde asks of a schema registry. Every method throws {@link SchemaRegistryException}
 * when the registry refuses or cannot be reached.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers the schema under the subject (or finds it there) and returns its schema id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject, without registering it. */
    int lookupId(String subject, Schema schema);

    /** The schema of a registry-wide id. */
    Schema schemaById(int id);

    /** The newest version of a subject. */
    RegisteredSchema latest(String subject);

    /** Where the registry is, for messages (e.g. {@code http://127.0.0.1:8081} or {@code mock://tests}). */
    String url();

    @Override
    default void close() {
    }
}
