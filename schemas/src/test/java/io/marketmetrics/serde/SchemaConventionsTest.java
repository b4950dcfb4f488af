package io.marketmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The rules every published schema follows (issue 2): docs everywhere, defaults on optional fields, one namespace. */
class SchemaConventionsTest {

    private static final Set<String> TIME_FIELDS = Set.of("eventTime", "effectiveFrom", "updatedAt", "lastTradeTime",
            "athTime", "atlTime", "start", "end", "time");

    private static List<Schema> allRecordSchemas() {
        List<Schema> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SpecificRecord record : SampleRecords.all()) {
            collect(record.getSchema(), found, seen);
        }
        return found;
    }

    private static void collect(Schema schema, List<Schema> found, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    found.add(schema);
                    schema.getFields().forEach(f -> collect(f.schema(), found, seen));
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collect(t, found, seen));
            case ARRAY -> collect(schema.getElementType(), found, seen);
            case MAP -> collect(schema.getValueType(), found, seen);
            default -> { }
        }
    }

    @Test
    void everyRecordAndFieldIsDocumentedInOneNamespace() {
        List<Schema> schemas = allRecordSchemas();
        assertThat(schemas).extracting(Schema::getName).contains("Trade", "AssetReference", "IndexDefinition",
                "ExchangeReference", "AssetMetrics", "MarketMetrics", "Candle", "IndexMetrics", "CategoryMetrics",
                "PricePoint", "IndexConstituent", "ConstituentValue", "CategoryAsset");
        for (Schema schema : schemas) {
            assertThat(schema.getNamespace()).as(schema.getName()).isEqualTo("io.marketmetrics.schema");
            assertThat(schema.getDoc()).as(schema.getName()).isNotBlank();
            schema.getFields().forEach(f -> assertThat(f.doc()).as(schema.getName() + "." + f.name()).isNotBlank());
        }
    }

    @Test
    void everyNullableFieldDefaultsToNull() {
        for (Schema schema : allRecordSchemas()) {
            for (Schema.Field field : schema.getFields()) {
                if (field.schema().isNullable()) {
                    assertThat(field.schema().getTypes().get(0).getType()).as(schema.getName() + "." + field.name())
                            .isEqualTo(Schema.Type.NULL);
                    assertThat(field.hasDefaultValue()).as(schema.getName() + "." + field.name()).isTrue();
                }
            }
        }
    }

    @Test
    void timesAreTimestampMillis() {
        for (Schema schema : allRecordSchemas()) {
            for (Schema.Field field : schema.getFields()) {
                if (TIME_FIELDS.contains(field.name())) {
                    Schema type = field.schema().isNullable() ? field.schema().getTypes().get(1) : field.schema();
                    assertThat(type.getLogicalType()).as(schema.getName() + "." + field.name())
                            .isEqualTo(LogicalTypes.timestampMillis());
                }
            }
        }
    }
}
