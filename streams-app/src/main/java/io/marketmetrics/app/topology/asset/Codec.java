package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.ExactSum;
import io.marketmetrics.app.topology.calc.Extremes;
import io.marketmetrics.app.topology.calc.RollingWindow;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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

    static final byte VERSION = 1;

    private Codec() {
    }

    public static <T> Serde<T> serde(BiConsumer<Out, T> write, Function<In, T> read) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            Out out = new Out();
            out.bytes.write(VERSION);
            write.accept(out, value);
            return out.bytes.toByteArray();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            In in = new In(ByteBuffer.wrap(bytes));
            byte version = in.buffer.get();
            if (version != VERSION) {
                throw new IllegalStateException("unknown state layout version " + version);
            }
            return read.apply(in);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    public static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        private final DataOutputStream data = new DataOutputStream(bytes);

        public Out writeLong(long v) {
            try {
                data.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Out writeInt(int v) {
            try {
                data.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Out writeDouble(double v) {
            return writeLong(Double.doubleToRawLongBits(v));
        }

        public Out writeBytes(byte[] b) {
            writeInt(b.length);
            bytes.write(b, 0, b.length);
            return this;
        }

        public Out writeString(String s) {
            return writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        Out writeSum(ExactSum sum) {
            writeInt(sum.exponent());
            return writeBytes(sum.mantissaBytes());
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

        In(ByteBuffer buffer) {
            this.buffer = buffer;
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
