package io.marketmetrics.serde;

import io.marketmetrics.serde.client.SchemaRegistryClient;
import io.marketmetrics.serde.client.SchemaRegistryException;
import io.marketmetrics.serde.registry.RegistryError;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes Confluent wire-format Avro: fetches the writer's schema by id (cached) and resolves it
 * to the reader's schema. With {@code specific.avro.reader=true} the reader is the generated class
 * named like the writer's schema (so older and newer writers both read into today's class); otherwise
 * a GenericRecord in the writer's schema, or in the subject's latest version with
 * {@code use.latest.version=true}. Bad bytes raise a {@link SerializationException} naming the problem.
 */
public final class KafkaAvroDeserializer implements Deserializer<Object> {

    /** What decoding a topic's records written with one schema id takes. */
    private record Resolved(String topic, int writerId, Schema writer, DatumReader<Object> reader) {
    }

    private final AvroDecoder decoder = new AvroDecoder();
    private final Map<Integer, Schema> specificReaderSchemas = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean specificReader;
    private boolean useLatestVersion;
    /**
     * The last record's, for the next one of the same topic and schema id: a topic's records nearly always share one.
     * Saves the look-ups by id per record, whose maps the stream thread's other work has mostly pushed out of the CPU's
     * caches by then (2 to 3 % of the pipeline's stream thread went to the cached client's look-up alone).
     */
    private volatile Resolved last;

    /** For configuration by class name; {@link #configure} builds a cached client from the URL. */
    public KafkaAvroDeserializer() {
    }

    /** With a given client, used as it is (wrap it in a cached client where that matters). */
    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.specificReader = config.specificAvroReader();
        this.useLatestVersion = config.useLatestVersion();
        if (client == null) {
            client = RegistryClients.create(config);
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        int writerId = WireFormat.schemaId(topic, data);
        Resolved known = last;
        if (known == null || known.writerId() != writerId || !Objects.equals(known.topic(), topic)) {
            known = resolve(topic, writerId);
            last = known;
        }
        return decoder.decode(topic, data, writerId, known.writer(), known.reader());
    }

    private Resolved resolve(String topic, int writerId) {
        Schema writer = writerSchema(topic, writerId);
        boolean specific = specificReader && isNamed(writer);
        Schema reader = specific ? specificReaderSchemas.computeIfAbsent(writerId, id -> generatedSchema(topic, id, writer))
                : useLatestVersion ? latestSchema(topic) : writer;
        return new Resolved(topic, writerId, writer, decoder.reader(writerId, writer, reader, specific));
    }

    private Schema writerSchema(String topic, int id) {
        try {
            return client.schemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == RegistryError.SCHEMA_NOT_FOUND.code()) {
                throw new SerializationException("Unknown schema id " + id + " in a record on topic '" + topic
                        + "': registry " + client.url() + " has no such schema", e);
            }
            throw new SerializationException("Cannot fetch schema id " + id + " for topic '" + topic + "': "
                    + e.getMessage(), e);
        }
    }

    private Schema latestSchema(String topic) {
        String subject = TopicNameStrategy.subject(topic, isKey);
        try {
            return client.schemaById(client.latest(subject).id());
        } catch (SchemaRegistryException e) {
            throw new SerializationException("use.latest.version: cannot fetch the latest version of subject '"
                    + subject + "': " + e.getMessage(), e);
        }
    }

    private static Schema generatedSchema(String topic, int id, Schema writer) {
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null || !(SpecificRecord.class.isAssignableFrom(generated) || generated.isEnum())) {
            throw new SerializationException("specific.avro.reader=true but no generated class "
                    + writer.getFullName() + " is on the classpath (schema id " + id + ", topic '" + topic + "')");
        }
        return SpecificData.get().getSchema(generated);
    }

    private static boolean isNamed(Schema schema) {
        return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
