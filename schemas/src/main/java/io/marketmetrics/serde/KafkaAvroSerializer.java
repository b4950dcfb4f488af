package io.marketmetrics.serde;

import io.marketmetrics.serde.client.SchemaRegistryClient;
import io.marketmetrics.serde.client.SchemaRegistryException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro values (specific or generic records, enums, primitives) in Confluent's wire format,
 * under TopicNameStrategy subjects. Configured like Confluent's {@code KafkaAvroSerializer}:
 * {@code schema.registry.url}, {@code auto.register.schemas} (default true: register the value's
 * schema; false: look it up) and {@code use.latest.version} (use the subject's latest version, which
 * must equal the value's schema). Null stays null (a tombstone).
 */
public final class KafkaAvroSerializer implements Serializer<Object> {

    private record SubjectSchema(String subject, Schema schema) {
    }

    /** The schema id last used, for a topic and schema (compared by identity: a sink passes the same ones each time). */
    private record LastId(String topic, Schema schema, int id) {
    }

    private final AvroEncoder encoder = new AvroEncoder();
    private final Map<SubjectSchema, Integer> latestIds = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean autoRegister = true;
    private boolean useLatestVersion;
    /** Saves building the subject and the cached client's lookup per record (a few percent of a sink's time). */
    private volatile LastId last;

    /** For configuration by class name; {@link #configure} builds a cached client from the URL. */
    public KafkaAvroSerializer() {
    }

    /** With a given client, used as it is (wrap it in a cached client where that matters). */
    public KafkaAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        if (client == null) {
            client = RegistryClients.create(config);
        }
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        Schema schema;
        try {
            schema = AvroDatum.schemaOf(value);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Cannot serialize for topic '" + topic + "': " + e.getMessage(), e);
        }
        LastId known = last;
        if (known == null || known.topic() != topic || known.schema() != schema) {
            known = new LastId(topic, schema, schemaId(TopicNameStrategy.subject(topic, isKey), schema));
            last = known;
        }
        return encoder.encode(topic, known.id(), schema, value);
    }

    private int schemaId(String subject, Schema schema) {
        try {
            if (useLatestVersion) {
                return latestIds.computeIfAbsent(new SubjectSchema(subject, schema), key -> latestId(subject, schema));
            }
            return autoRegister ? client.register(subject, schema) : client.lookupId(subject, schema);
        } catch (SchemaRegistryException e) {
            String action = useLatestVersion ? "find the latest version of"
                    : autoRegister ? "register schema " + schema.getFullName() + " under"
                    : "look up schema " + schema.getFullName() + " (auto.register.schemas=false) under";
            throw new SerializationException("Cannot " + action + " subject '" + subject + "': " + e.getMessage(), e);
        }
    }

    private int latestId(String subject, Schema schema) {
        int id = client.latest(subject).id();
        Schema latest = client.schemaById(id);
        if (!latest.equals(schema)) {
            throw new SerializationException("use.latest.version: the latest version of subject '" + subject
                    + "' (schema id " + id + ") differs from the value's schema " + schema.getFullName()
                    + "; serialize with the latest generated class or disable use.latest.version");
        }
        return id;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
