package io.marketmetrics.serde;

import io.marketmetrics.serde.client.CachedSchemaRegistryClient;
import io.marketmetrics.serde.client.RestSchemaRegistryClient;
import io.marketmetrics.serde.client.SchemaRegistryClient;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;

/** Builds the (cached) registry client a serde configuration names: {@code mock://SCOPE} or REST. */
final class RegistryClients {

    private RegistryClients() {
    }

    static SchemaRegistryClient create(AvroSerdeConfig config) {
        List<String> urls = config.registryUrls();
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + AvroSerdeConfig.SCHEMA_REGISTRY_URL
                    + "\" (registry URLs, or mock://SCOPE)");
        }
        String first = urls.get(0).trim();
        if (first.startsWith(MockSchemaRegistry.MOCK_URL_PREFIX)) {
            if (urls.size() > 1) {
                throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, urls, "a mock:// URL must be the only one");
            }
            return new CachedSchemaRegistryClient(
                    MockSchemaRegistry.client(first.substring(MockSchemaRegistry.MOCK_URL_PREFIX.length())));
        }
        return new CachedSchemaRegistryClient(new RestSchemaRegistryClient(config.restClientSettings()));
    }
}
