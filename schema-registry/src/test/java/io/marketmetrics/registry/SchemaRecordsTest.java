package io.marketmetrics.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.serde.registry.CompatibilityLevel;
import io.marketmetrics.serde.registry.RegisteredSchema;
import io.marketmetrics.serde.registry.RegistryEvent;
import io.marketmetrics.serde.registry.RegistryEvent.CompatibilitySet;
import io.marketmetrics.serde.registry.RegistryEvent.SchemaRegistered;
import org.junit.jupiter.api.Test;

/** Records of the schemas topic, byte for byte as Confluent Schema Registry writes them. */
class SchemaRecordsTest {

    private static final String SCHEMA_KEY = "{\"keytype\":\"SCHEMA\",\"subject\":\"trades-value\",\"version\":2,\"magic\":1}";
    private static final String SCHEMA_VALUE = "{\"subject\":\"trades-value\",\"version\":2,\"id\":5,"
            + "\"schema\":\"\\\"string\\\"\",\"deleted\":false}";
    private static final SchemaRegistered REGISTERED =
            new SchemaRegistered(new RegisteredSchema("trades-value", 2, 5, "\"string\""));

    @Test
    void schemaVersionsRoundTripInConfluentsLayout() {
        assertThat(SchemaRecords.encode(REGISTERED)).isEqualTo(new SchemaRecords.KeyValue(SCHEMA_KEY, SCHEMA_VALUE));
        assertThat(SchemaRecords.decode(SCHEMA_KEY, SCHEMA_VALUE)).contains(REGISTERED);
    }

    @Test
    void configRecordsForOneSubjectOrGlobally() {
        RegistryEvent global = CompatibilitySet.global(CompatibilityLevel.FULL);
        RegistryEvent subject = new CompatibilitySet("trades-value", CompatibilityLevel.NONE);
        assertThat(SchemaRecords.encode(global)).isEqualTo(new SchemaRecords.KeyValue(
                "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}"));
        assertThat(SchemaRecords.encode(subject)).isEqualTo(new SchemaRecords.KeyValue(
                "{\"keytype\":\"CONFIG\",\"subject\":\"trades-value\",\"magic\":0}", "{\"compatibilityLevel\":\"NONE\"}"));
        assertThat(SchemaRecords.decode("{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}"))
                .contains(global);
    }

    @Test
    void recordsThisRegistryDoesNotApplyAreSkipped() {
        assertThat(SchemaRecords.decode(SCHEMA_KEY, null)).as("tombstone").isEmpty();
        assertThat(SchemaRecords.decode(SCHEMA_KEY, SCHEMA_VALUE.replace("\"deleted\":false", "\"deleted\":true")))
                .as("soft-deleted").isEmpty();
        assertThat(SchemaRecords.decode(SCHEMA_KEY, SCHEMA_VALUE.replace("}", ",\"schemaType\":\"JSON\"}")))
                .as("not Avro").isEmpty();
        assertThat(SchemaRecords.decode("{\"keytype\":\"NOOP\",\"magic\":0}", "{}")).isEmpty();
        assertThat(SchemaRecords.decode("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}", "{\"mode\":\"READWRITE\"}"))
                .isEmpty();
    }

    @Test
    void recordsThatAreNotRegistryJsonAreRefused() {
        assertThatThrownBy(() -> SchemaRecords.decode("not json", "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaRecords.decode(SCHEMA_KEY, "{\"subject\":\"s\",\"version\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'id'");
    }
}
