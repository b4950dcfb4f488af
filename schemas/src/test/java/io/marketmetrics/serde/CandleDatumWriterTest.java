package io.marketmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.schema.Candle;
import io.marketmetrics.schema.CandleInterval;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class CandleDatumWriterTest {

    private static final DatumWriter<Object> AVRO = new SpecificDatumWriter<>(Candle.getClassSchema(),
            SpecificData.getForSchema(Candle.getClassSchema()));

    @Test
    void writesTheBytesOfAvrosOwnWriter() throws IOException {
        Random random = new Random(42);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                Double.MAX_VALUE, 1e-12, 97_123.45};
        String[] subjects = {"binance:BTC-USDT", "BTC", "", "kraken:ÜBER-€", "okx:DEFI.SSI-USDT", "x".repeat(300)};
        for (int i = 0; i < 2_000; i++) {
            long start = i % 7 == 0 ? -random.nextInt(1_000_000) * 60_000L : random.nextLong() / 1_000_000 * 60_000L;
            CandleInterval interval = CandleInterval.values()[random.nextInt(CandleInterval.values().length)];
            Candle candle = new Candle(subjects[random.nextInt(subjects.length)], interval, Instant.ofEpochMilli(start),
                    Instant.ofEpochMilli(start + 60_000L), random.nextBoolean() ? "USD" : "USDT",
                    value(random, special), value(random, special), value(random, special), value(random, special),
                    value(random, special), random.nextInt(3) == 0 ? null : value(random, special),
                    value(random, special), i % 5 == 0 ? Long.MAX_VALUE - i : (long) random.nextInt(100_000));
            assertThat(bytes(CandleDatumWriter.INSTANCE, candle)).as("candle %d: %s", i, candle).isEqualTo(bytes(AVRO, candle));
        }
    }

    @Test
    void writesOnlyCandlesSchemaAsGenerated() {
        assertThat(CandleDatumWriter.writes(Candle.getClassSchema())).isTrue();
        Schema evolved = SchemaBuilder.record("Candle").namespace("io.marketmetrics.schema").fields()
                .requiredString("subject").optionalDouble("extra").endRecord();
        assertThat(CandleDatumWriter.writes(evolved)).isFalse();
        assertThatThrownBy(() -> CandleDatumWriter.INSTANCE.setSchema(evolved)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.marketmetrics.schema.Candle");
    }

    @Test
    void namesAMissingRequiredField() {
        Candle candle = new Candle(null, CandleInterval.ONE_MINUTE, Instant.EPOCH, Instant.EPOCH, "USD", 1.0, 1.0, 1.0, 1.0,
                1.0, null, 1.0, 1L);
        assertThatThrownBy(() -> bytes(CandleDatumWriter.INSTANCE, candle)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Candle.subject");
    }

    private static double value(Random random, double[] special) {
        return random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : random.nextDouble() * 1e6;
    }

    private static byte[] bytes(DatumWriter<Object> writer, Candle candle) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(candle, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
