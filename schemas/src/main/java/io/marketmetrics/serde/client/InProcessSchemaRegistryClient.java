package io.marketmetrics.serde.client;

import io.marketmetrics.serde.registry.RegisteredSchema;
import io.marketmetrics.serde.registry.RegistryCore;
import io.marketmetrics.serde.registry.RegistryException;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/** A client that calls a {@link RegistryCore} in the same JVM (the {@code mock://} registries). */
public final class InProcessSchemaRegistryClient implements SchemaRegistryClient {

    private final String url;
    private final RegistryCore registry;

    public InProcessSchemaRegistryClient(String url, RegistryCore registry) {
        this.url = Objects.requireNonNull(url, "url");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public int register(String subject, Schema schema) {
        return call(subject, () -> registry.register(subject, schema.toString()).id());
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        return call(subject, () -> registry.lookup(subject, schema.toString()).id());
    }

    @Override
    public Schema schemaById(int id) {
        return call(null, () -> new Schema.Parser().parse(registry.schemaById(id)));
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return call(subject, () -> registry.version(subject, "latest"));
    }

    @Override
    public String url() {
        return url;
    }

    private <T> T call(String subject, Supplier<T> request) {
        try {
            return request.get();
        } catch (RegistryException e) {
            throw new SchemaRegistryException(url, subject, e.error().httpStatus(), e.error().code(), e.getMessage(), e);
        }
    }
}
