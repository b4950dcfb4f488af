package io.marketmetrics.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;

/**
 * Maps the Java values the serde accepts to Avro schemas and datums, as Confluent's serializer does:
 * records, enums and fixed carry their schema; null, booleans, numbers, strings and byte arrays get
 * Avro's primitive schemas.
 */
final class AvroDatum {

    private static final Schema NULL = Schema.create(Schema.Type.NULL);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private AvroDatum() {
    }

    /** The schema of a value; IllegalArgumentException for a type Avro has no schema for. */
    static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        } else if (value == null) {
            return NULL;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Integer) {
            return INT;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Float) {
            return FLOAT;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof CharSequence) {
            return STRING;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return BYTES;
        }
        throw new IllegalArgumentException("no Avro schema for values of " + value.getClass().getName()
                + " (expected a SpecificRecord, GenericRecord, enum, fixed or primitive)");
    }

    /** Whether a value is an instance of a generated class (needs the specific data model). */
    static boolean isSpecific(Object value) {
        return value instanceof SpecificRecord || value instanceof Enum<?>;
    }

    /** The datum Avro's writers expect for a value. */
    static Object toAvro(Object value) {
        return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
    }

    /** The Java value handed out for a datum read from a primitive schema. */
    static Object fromAvro(Object datum) {
        if (datum instanceof Utf8 text) {
            return text.toString();
        }
        if (datum instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        return datum;
    }
}
