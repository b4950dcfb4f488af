package io.marketmetrics.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketmetrics.serde.registry.CompatibilityLevel;
import io.marketmetrics.serde.registry.RegisteredSchema;
import io.marketmetrics.serde.registry.RegistryEvent;
import io.marketmetrics.serde.registry.RegistryEvent.CompatibilitySet;
import io.marketmetrics.serde.registry.RegistryEvent.SchemaRegistered;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Registry events as records of the {@code _schemas} topic, in Confluent Schema Registry's own
 * layout: JSON keys {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} and
 * {@code {"keytype":"CONFIG","subject":..,"magic":0}}, so that compaction keeps one record per
 * subject version and per configuration, and the topic reads like Confluent's.
 */
final class SchemaRecords {

    /** A key and value as the topic holds them. */
    record KeyValue(String key, String value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaRecords() {
    }

    static KeyValue encode(RegistryEvent event) {
        ObjectNode key = JSON.createObjectNode();
        ObjectNode value = JSON.createObjectNode();
        if (event instanceof SchemaRegistered registered) {
            RegisteredSchema schema = registered.schema();
            key.put("keytype", "SCHEMA").put("subject", schema.subject()).put("version", schema.version()).put("magic", 1);
            value.put("subject", schema.subject()).put("version", schema.version()).put("id", schema.id())
                    .put("schema", schema.schema()).put("deleted", false);
        } else if (event instanceof CompatibilitySet set) {
            key.put("keytype", "CONFIG").put("subject", set.subject()).put("magic", 0);
            value.put("compatibilityLevel", set.level().name());
        }
        return new KeyValue(write(key), write(value));
    }

    /**
     * The event a record stands for; empty for records this registry does not apply (tombstones,
     * soft-deleted versions, other key types such as Confluent's NOOP or MODE, non-Avro schemas).
     * Throws {@link IllegalArgumentException} when the record is not registry JSON at all.
     */
    static Optional<RegistryEvent> decode(String key, String value) {
        JsonNode keyNode = read(key);
        if (value == null) {
            return Optional.empty();
        }
        JsonNode valueNode = read(value);
        String keytype = keyNode.path("keytype").asText();
        if ("SCHEMA".equals(keytype)) {
            if (valueNode.path("deleted").asBoolean(false)
                    || !"AVRO".equals(valueNode.path("schemaType").asText("AVRO"))) {
                return Optional.empty();
            }
            return Optional.of(new SchemaRegistered(new RegisteredSchema(required(valueNode, "subject").asText(),
                    required(valueNode, "version").asInt(), required(valueNode, "id").asInt(),
                    required(valueNode, "schema").asText())));
        }
        if ("CONFIG".equals(keytype)) {
            JsonNode subject = keyNode.path("subject");
            return Optional.of(new CompatibilitySet(subject.isTextual() ? subject.asText() : null,
                    CompatibilityLevel.parse(required(valueNode, "compatibilityLevel").asText())));
        }
        return Optional.empty();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("registry record without '" + field + "': " + node);
        }
        return value;
    }

    private static JsonNode read(String json) {
        try {
            JsonNode node = json == null ? null : JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("registry record is not a JSON object: " + json);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("registry record is not JSON: " + json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
