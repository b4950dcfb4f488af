package io.marketmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.schema.Trade;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireFormatBytesTest {

    private static final String SCOPE = "wire-format";
    private static final Map<String, Object> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void valueIsMagicByteThenIdThenWhatAvrosBinaryEncoderWrites() throws IOException {
        Trade trade = SampleRecords.trade("4217733123");
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(avro, null);
        new SpecificDatumWriter<Trade>(Trade.class).write(trade, encoder);
        encoder.flush();

        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(CONFIG, false);
            serializer.serialize("other", SampleRecords.all().get(1)); // id 1: AssetReference
            byte[] bytes = serializer.serialize("trades", trade);     // id 2: the next new schema

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(new byte[] {0, 0, 0, 0, 2});
            expected.writeBytes(avro.toByteArray());
            assertThat(bytes).isEqualTo(expected.toByteArray());
            assertThat(MockSchemaRegistry.scope(SCOPE).lookup("trades-value", Trade.getClassSchema().toString()).id())
                    .isEqualTo(2);
        }
    }

    @Test
    void smallRecordMatchesHandEncodedBytes() {
        Schema schema = SchemaBuilder.record("Small").namespace("test").fields()
                .requiredInt("a").requiredString("s").endRecord();
        GenericRecord record = new GenericData.Record(schema);
        record.put("a", -3);
        record.put("s", "hi");
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(CONFIG, false);
            // magic 0, id 1 big-endian, zig-zag(-3) = 5, string length zig-zag(2) = 4, 'h', 'i'
            assertThat(serializer.serialize("small", record)).containsExactly(0, 0, 0, 0, 1, 5, 4, 'h', 'i');
        }
    }
}
