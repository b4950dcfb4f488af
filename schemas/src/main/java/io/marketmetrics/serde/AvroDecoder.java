package io.marketmetrics.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads the Avro part of a wire-format record, resolving the writer's schema to the reader's, with
 * one Avro reader per (writer id, reader schema), built once. Every decoding failure becomes a
 * {@link SerializationException} that says what is wrong with the bytes.
 */
final class AvroDecoder {

    private record ReaderKey(int writerId, Schema reader, boolean specific) {
    }

    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** The Avro reader from the writer's schema (by its id) to the reader's, built once. */
    DatumReader<Object> reader(int writerId, Schema writer, Schema reader, boolean specific) {
        return readers.computeIfAbsent(new ReaderKey(writerId, reader, specific),
                key -> specific
                        ? new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader))
                        : new GenericDatumReader<>(writer, reader, GenericData.get()));
    }

    /** Decodes the Avro part of {@code data} with a reader from {@link #reader}. */
    Object decode(String topic, byte[] data, int writerId, Schema writer, DatumReader<Object> datumReader) {
        int avroLength = data.length - WireFormat.HEADER_SIZE;
        BoundedDecoder decoder = new BoundedDecoder(
                DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, avroLength, null));
        Object value;
        boolean leftOver;
        try {
            value = datumReader.read(null, decoder);
            leftOver = !decoder.isEnd();
        } catch (EOFException e) {
            throw new SerializationException(String.format("Truncated Avro data on topic '%s': the %d bytes after"
                    + " the header end before a record of schema id %d (%s) does", topic, avroLength, writerId,
                    writer.getFullName()), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(String.format("Avro data on topic '%s' does not decode with schema id"
                    + " %d (%s): %s", topic, writerId, writer.getFullName(), e), e);
        }
        if (leftOver) {
            throw new SerializationException(String.format("Bytes left over after a record of schema id %d (%s) on"
                    + " topic '%s': the %d bytes after the header were not written with that schema", writerId,
                    writer.getFullName(), topic, avroLength));
        }
        return AvroDatum.fromAvro(value);
    }
}
