package io.marketmetrics.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro's binary decoder, refusing any length or item count larger than the bytes left. Avro itself
 * allocates what a length says before reading, so ten malformed bytes claiming a 1 GB string would
 * exhaust the heap; a record of N bytes can hold no string, byte array or collection longer than N
 * (collections of zero-byte items, such as arrays of null, are the one legal exception and are
 * refused too).
 */
final class BoundedDecoder extends Decoder {

    private final BinaryDecoder in;
    private final InputStream remaining;

    BoundedDecoder(BinaryDecoder in) {
        this.in = in;
        this.remaining = in.inputStream(); // a view whose available() is the count of unread bytes
    }

    /** Whether every byte was consumed. */
    boolean isEnd() throws IOException {
        return remaining.available() == 0;
    }

    private int checkedLength(long length, String what) throws IOException {
        if (length < 0) {
            throw new AvroRuntimeException("Malformed data: negative " + what + " length " + length);
        }
        int left = remaining.available();
        if (length > left) {
            throw new AvroRuntimeException("Malformed data: " + what + " length " + length + " exceeds the "
                    + left + " bytes left");
        }
        return (int) length;
    }

    private long checkedCount(long count) throws IOException {
        if (count > remaining.available()) {
            throw new AvroRuntimeException("Malformed data: block of " + count + " items exceeds the "
                    + remaining.available() + " bytes left");
        }
        return count;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = checkedLength(in.readLong(), "string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = checkedLength(in.readLong(), "bytes");
        ByteBuffer result = old != null && length <= old.capacity() ? old.clear() : ByteBuffer.allocate(length);
        in.readFixed(result.array(), result.arrayOffset() + result.position(), length);
        result.limit(length);
        return result;
    }

    @Override
    public long readArrayStart() throws IOException {
        return checkedCount(in.readArrayStart());
    }

    @Override
    public long arrayNext() throws IOException {
        return checkedCount(in.arrayNext());
    }

    @Override
    public long readMapStart() throws IOException {
        return checkedCount(in.readMapStart());
    }

    @Override
    public long mapNext() throws IOException {
        return checkedCount(in.mapNext());
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public void skipString() throws IOException {
        in.skipString();
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipBytes();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public long skipArray() throws IOException {
        return in.skipArray();
    }

    @Override
    public long skipMap() throws IOException {
        return in.skipMap();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
