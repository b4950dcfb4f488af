package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.Bucket;
import io.marketmetrics.app.topology.calc.ExactSum;
import io.marketmetrics.app.topology.calc.Extremes;
import io.marketmetrics.app.topology.calc.RollingWindow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The compact binary form of the internal state (summaries and buckets): fixed-width numbers, no schema,
 * a version byte up front so that a later layout can still read this one. Public for the market-wide stage's
 * internal records.
 */
public final class Codec {

    /** The first layout version, which most records still use. */
    static final byte VERSION = 1;

    private Codec() {
    }

    public static <T> Serde<T> serde(BiConsumer<Out, T> write, Function<In, T> read) {
        return serde(VERSION, write, read);
    }

    /**
     * A serde writing layout {@code version} and reading it and every earlier one: {@code read} sees the
     * version of the record at hand ({@link In#version()}).
     */
    static <T> Serde<T> serde(byte version, BiConsumer<Out, T> write, Function<In, T> read) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            Out out = new Out();
            out.writeByte(version);
            write.accept(out, value);
            return out.toByteArray();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte found = buffer.get();
            if (found < VERSION || found > version) {
                throw new IllegalStateException("unknown state layout version " + found);
            }
            return read.apply(new In(buffer, found));
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /** A growing big-endian buffer (the layout of {@code DataOutputStream}, without its per-write locking). */
    public static final class Out {
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

        private byte[] bytes = new byte[256];
        private int size;

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void writeByte(byte v) {
            ensure(1);
            bytes[size++] = v;
        }

        public Out writeLong(long v) {
            ensure(Long.BYTES);
            LONG.set(bytes, size, v);
            size += Long.BYTES;
            return this;
        }

        public Out writeInt(int v) {
            ensure(Integer.BYTES);
            INT.set(bytes, size, v);
            size += Integer.BYTES;
            return this;
        }

        public Out writeDouble(double v) {
            return writeLong(Double.doubleToRawLongBits(v));
        }

        public Out writeBytes(byte[] b) {
            writeInt(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
            return this;
        }

        public Out writeString(String s) {
            return writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        /** The bytes written so far. */
        int size() {
            return size;
        }

        /** Empties the buffer, keeping its capacity. */
        void clear() {
            size = 0;
        }

        Out writeSum(ExactSum sum) {
            writeInt(sum.exponent());
            return writeBytes(sum.mantissaBytes());
        }

        /** The length, then the values. */
        Out writeDoubles(double[] values) {
            writeInt(values.length);
            for (double v : values) {
                writeDouble(v);
            }
            return this;
        }

        Out writeBucket(Bucket b) {
            return writeLong(b.openTime()).writeDouble(b.open()).writeLong(b.closeTime()).writeDouble(b.close())
                    .writeDouble(b.high()).writeDouble(b.low()).writeDouble(b.volumeBase()).writeDouble(b.volumeQuote())
                    .writeDouble(b.volumeUsd()).writeLong(b.tradeCount());
        }

        /** The window's oldest bucket, if known: written after the rest of a summary, by layouts that came after it. */
        Out writeOldestBucket(RollingWindow w) {
            Bucket oldest = w.oldestBucket();
            writeByte(oldest == null ? (byte) 0 : (byte) 1);
            return oldest == null ? this : writeBucket(oldest);
        }

        Out writeWindow(RollingWindow w) {
            writeLong(w.end()).writeLong(w.oldest()).writeLong(w.tradeCount());
            writeSum(w.baseSum()).writeSum(w.quoteSum()).writeSum(w.usdSum());
            Extremes x = w.extremes();
            return writeDouble(x.high()).writeLong(x.highMinute()).writeDouble(x.low()).writeLong(x.lowMinute());
        }
    }

    public static final class In {
        private final ByteBuffer buffer;
        private final byte version;

        In(ByteBuffer buffer, byte version) {
            this.buffer = buffer;
            this.version = version;
        }

        /** The layout version of the record being read. */
        byte version() {
            return version;
        }

        public boolean hasRemaining() {
            return buffer.hasRemaining();
        }

        public long readLong() {
            return buffer.getLong();
        }

        public int readInt() {
            return buffer.getInt();
        }

        public double readDouble() {
            return buffer.getDouble();
        }

        public byte[] readBytes() {
            byte[] b = new byte[buffer.getInt()];
            buffer.get(b);
            return b;
        }

        public String readString() {
            return new String(readBytes(), StandardCharsets.UTF_8);
        }

        ExactSum readSum() {
            int exponent = readInt();
            return ExactSum.of(readBytes(), exponent);
        }

        double[] readDoubles() {
            double[] values = new double[readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = readDouble();
            }
            return values;
        }

        Bucket readBucket() {
            return new Bucket(readLong(), readDouble(), readLong(), readDouble(), readDouble(), readDouble(), readDouble(),
                    readDouble(), readDouble(), readLong());
        }

        /** Reads what {@link Out#writeOldestBucket} wrote into {@code w}, if a summary holds it (it is then not known). */
        void readOldestBucketIfPresent(RollingWindow w) {
            if (buffer.hasRemaining() && buffer.get() == 1) {
                w.restoreOldestBucket(readBucket());
            }
        }

        RollingWindow readWindow(int length) {
            long end = readLong();
            long oldest = readLong();
            long count = readLong();
            ExactSum base = readSum();
            ExactSum quote = readSum();
            ExactSum usd = readSum();
            Extremes x = new Extremes(readDouble(), readLong(), readDouble(), readLong());
            return new RollingWindow(length, end, oldest, count, base, quote, usd, x);
        }
    }
}
