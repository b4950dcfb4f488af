package io.marketmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.schema.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EvolutionTest {

    private static final String SCOPE = "evolution";
    private static final String URL = "mock://" + SCOPE;

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    /** Today's Trade plus one field: optional (with a default) when {@code optional}, else required. */
    private static Schema tradeWithSequence(boolean optional) {
        Schema old = Trade.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        old.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(optional
                ? new Schema.Field("venueSequence", Schema.createUnion(Schema.create(Schema.Type.NULL),
                        Schema.create(Schema.Type.LONG)), "Venue sequence number.", Schema.Field.NULL_DEFAULT_VALUE)
                : new Schema.Field("venueSequence", Schema.create(Schema.Type.LONG), "Venue sequence number."));
        return Schema.createRecord(old.getName(), old.getDoc(), old.getNamespace(), false, fields);
    }

    private static GenericRecord newerTrade(Schema newer, Trade trade) {
        GenericRecord record = new GenericData.Record(newer);
        record.put("exchange", trade.getExchange());
        record.put("base", trade.getBase());
        record.put("quote", trade.getQuote());
        record.put("price", trade.getPrice());
        record.put("quantity", trade.getQuantity());
        record.put("tradeId", trade.getTradeId());
        record.put("side", new GenericData.EnumSymbol(newer.getField("side").schema(), trade.getSide().name()));
        record.put("eventTime", trade.getEventTime().toEpochMilli());
        record.put("venueSequence", 99L);
        return record;
    }

    @Test
    void recordWrittenWithNewerSchemaIsReadByTheOlderGeneratedClass() {
        Trade trade = SampleRecords.trade("7");
        Schema newer = tradeWithSequence(true);
        try (SpecificAvroSerde<Trade> serde = new SpecificAvroSerde<>();
             KafkaAvroSerializer genericSerializer = new KafkaAvroSerializer()) {
            serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), false);
            genericSerializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), false);
            serde.serializer().serialize("trades", trade); // version 1: today's schema
            byte[] written = genericSerializer.serialize("trades", newerTrade(newer, trade)); // version 2

            assertThat(MockSchemaRegistry.scope(SCOPE).versions("trades-value")).containsExactly(1, 2);
            assertThat(serde.deserializer().deserialize("trades", written)).isEqualTo(trade);
        }
    }

    @Test
    void recordWrittenWithOlderSchemaIsReadIntoTheNewerOneWithItsDefault() {
        Trade trade = SampleRecords.trade("8");
        Schema newer = tradeWithSequence(true);
        try (SpecificAvroSerde<Trade> serde = new SpecificAvroSerde<>();
             KafkaAvroDeserializer latestReader = new KafkaAvroDeserializer()) {
            serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), false);
            latestReader.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                    AvroSerdeConfig.USE_LATEST_VERSION, true), false);
            byte[] written = serde.serializer().serialize("trades", trade);
            MockSchemaRegistry.scope(SCOPE).register("trades-value", newer.toString());

            GenericRecord read = (GenericRecord) latestReader.deserialize("trades", written);
            assertThat(read.getSchema()).isEqualTo(newer);
            assertThat(read.get("venueSequence")).isNull();
            assertThat(read.get("tradeId")).isEqualTo("8");
            assertThat(read.get("price")).isEqualTo(97123.45);
            assertThat(read.get("side").toString()).isEqualTo("SELL");
            assertThat(read.get("eventTime")).isEqualTo(SampleRecords.T.toEpochMilli());
        }
    }

    @Test
    void oneDeserializerReadsInterleavedSchemaIdsAndTopicsEachWithTheirOwn() {
        Trade trade = SampleRecords.trade("9");
        Schema newer = tradeWithSequence(true);
        try (SpecificAvroSerde<Trade> serde = new SpecificAvroSerde<>();
             KafkaAvroSerializer genericSerializer = new KafkaAvroSerializer();
             KafkaAvroDeserializer asWritten = new KafkaAvroDeserializer();
             KafkaAvroDeserializer latestReader = new KafkaAvroDeserializer()) {
            serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), false);
            genericSerializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), false);
            asWritten.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), false);
            latestReader.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                    AvroSerdeConfig.USE_LATEST_VERSION, true), false);
            byte[] older = serde.serializer().serialize("trades", trade);
            byte[] newerBytes = genericSerializer.serialize("trades", newerTrade(newer, trade));
            byte[] otherTopic = serde.serializer().serialize("trades-copy", trade); // the older schema, its only version
            assertThat(WireFormat.schemaId("trades-copy", otherTopic)).isEqualTo(WireFormat.schemaId("trades", older));

            for (int i = 0; i < 3; i++) {
                // each record as its own writer wrote it, whatever the record before it was written with
                assertThat(((GenericRecord) asWritten.deserialize("trades", older)).getSchema().getField("venueSequence"))
                        .isNull();
                assertThat(((GenericRecord) asWritten.deserialize("trades", newerBytes)).get("venueSequence"))
                        .isEqualTo(99L);
                // the same schema id read into each topic's latest version
                assertThat(((GenericRecord) latestReader.deserialize("trades", older)).getSchema()).isEqualTo(newer);
                assertThat(((GenericRecord) latestReader.deserialize("trades-copy", otherTopic)).getSchema())
                        .isEqualTo(Trade.getClassSchema());
                // a caller without a topic, twice in a row
                assertThat(((GenericRecord) asWritten.deserialize(null, newerBytes)).get("venueSequence")).isEqualTo(99L);
                assertThat(((GenericRecord) asWritten.deserialize(null, newerBytes)).get("venueSequence")).isEqualTo(99L);
            }
        }
    }

    @Test
    void newRequiredFieldIsRefusedAsIncompatible() {
        try (SpecificAvroSerde<Trade> serde = new SpecificAvroSerde<>();
             KafkaAvroSerializer genericSerializer = new KafkaAvroSerializer()) {
            serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), false);
            genericSerializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), false);
            serde.serializer().serialize("trades", SampleRecords.trade("9"));
            GenericRecord incompatible = newerTrade(tradeWithSequence(false), SampleRecords.trade("9"));

            assertThatThrownBy(() -> genericSerializer.serialize("trades", incompatible))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("subject 'trades-value'")
                    .hasMessageContaining("error code 409")
                    .hasMessageContaining("venueSequence");
        }
    }
}
