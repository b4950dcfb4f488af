package io.marketmetrics.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's wire format: magic byte 0, the schema id as 4 bytes big-endian, then the Avro binary. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
    }

    /** The schema id of a record, after checking its header. */
    static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("Record of " + data.length + " bytes on topic '" + topic
                    + "' is too short for the Confluent wire format (1 magic byte, 4-byte schema id, Avro data)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Unknown magic byte 0x%02x on topic '%s' (expected 0x00):"
                    + " the record is not in the Confluent Avro wire format", data[0] & 0xff, topic));
        }
        return ByteBuffer.wrap(data, 1, Integer.BYTES).getInt();
    }
}
