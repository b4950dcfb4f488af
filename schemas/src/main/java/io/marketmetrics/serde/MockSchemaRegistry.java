package io.marketmetrics.serde;

import io.marketmetrics.serde.client.InProcessSchemaRegistryClient;
import io.marketmetrics.serde.client.SchemaRegistryClient;
import io.marketmetrics.serde.registry.RegistryCore;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-process registries selected by {@code schema.registry.url=mock://SCOPE}: every serde configured
 * with the same scope shares one registry, for tests without a registry server.
 */
public final class MockSchemaRegistry {

    /** The URL scheme prefix that selects an in-process registry. */
    public static final String MOCK_URL_PREFIX = "mock://";

    private static final ConcurrentMap<String, RegistryCore> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    /** The registry of a scope, created empty on first use. */
    public static RegistryCore scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> RegistryCore.inMemory());
    }

    /** A client of the scope's registry. */
    public static SchemaRegistryClient client(String scope) {
        return new InProcessSchemaRegistryClient(MOCK_URL_PREFIX + scope, scope(scope));
    }

    /** Forgets a scope's registry; the next use starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }
}
