package io.marketmetrics.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.schema.IndexDefinition;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadBytesTest {

    private static final String SCOPE = "bad-bytes";
    private static final Map<String, Object> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
            AvroSerdeConfig.SPECIFIC_AVRO_READER, true);

    private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    private byte[] valid;

    @BeforeEach
    void writeOneValidTrade() {
        serializer.configure(CONFIG, false);
        deserializer.configure(CONFIG, false);
        valid = serializer.serialize("trades", SampleRecords.trade("1"));
    }

    @AfterEach
    void dropScope() {
        serializer.close();
        deserializer.close();
        MockSchemaRegistry.dropScope(SCOPE);
    }

    private void assertRejected(byte[] data, String... messageParts) {
        var thrown = assertThatThrownBy(() -> deserializer.deserialize("trades", data))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'trades'");
        for (String part : messageParts) {
            thrown.hasMessageContaining(part);
        }
    }

    @Test
    void emptyAndShorterThanTheHeader() {
        assertRejected(new byte[0], "0 bytes", "too short");
        assertRejected(new byte[] {0, 0, 0, 1}, "4 bytes", "too short");
    }

    @Test
    void magicByteNotZero() {
        byte[] data = valid.clone();
        data[0] = 1;
        assertRejected(data, "magic byte 0x01");
        assertRejected("{\"json\":true}".getBytes(), "magic byte 0x7b");
    }

    @Test
    void unknownSchemaId() {
        byte[] data = valid.clone();
        data[3] = 0x30; // id 0x00003001 = 12289
        data[4] = 0x01;
        assertRejected(data, "Unknown schema id 12289", "mock://" + SCOPE);
    }

    @Test
    void truncatedAvro() {
        assertRejected(Arrays.copyOf(valid, valid.length - 3), "Truncated", "schema id 1", "io.marketmetrics.schema.Trade");
        assertRejected(Arrays.copyOf(valid, 5), "Truncated");
    }

    @Test
    void bytesLeftOverAfterTheRecord() {
        assertRejected(Arrays.copyOf(valid, valid.length + 2), "left over", "schema id 1");
    }

    @Test
    void malformedAvro() {
        // A negative string length (zig-zag 0x01 = -1) where the exchange name starts.
        assertRejected(new byte[] {0, 0, 0, 0, 1, 0x01, 'x'}, "does not decode", "schema id 1");
        // A string length of about 1 GB in a 10-byte record: refused before Avro allocates it.
        assertRejected(new byte[] {0, 0, 0, 0, 1, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07},
                "string length 1073741823 exceeds the 0 bytes left");
    }

    @Test
    void collectionCountsBeyondTheRecordAreRefused() {
        // IndexDefinition: symbol "X", effectiveFrom 0, then a block claiming 2^30 constituents.
        byte[] data = {0, 0, 0, 0, 7, 2, 'X', 0, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        data[4] = (byte) MockSchemaRegistry.scope(SCOPE).register("x", IndexDefinition.getClassSchema().toString()).id();
        assertRejected(data, "block of 1073741824 items exceeds the 0 bytes left");
    }

    @Test
    void noGeneratedClassForASpecificReader() {
        Schema unknown = SchemaBuilder.record("Missing").namespace("nowhere").fields().requiredInt("a").endRecord();
        GenericRecord record = new GenericData.Record(unknown);
        record.put("a", 1);
        byte[] data = serializer.serialize("trades-elsewhere", record);
        assertThatThrownBy(() -> deserializer.deserialize("trades-elsewhere", data))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("no generated class nowhere.Missing");
    }
}
