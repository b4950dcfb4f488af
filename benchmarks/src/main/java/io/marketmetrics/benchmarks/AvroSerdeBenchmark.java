package io.marketmetrics.benchmarks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.schema.Candle;
import io.marketmetrics.schema.CandleInterval;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.serde.AvroSerdeConfig;
import io.marketmetrics.serde.MockSchemaRegistry;
import io.marketmetrics.serde.SpecificAvroSerde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Confluent-compatible Avro serde on a trade, as the pipeline reads every one: schema id lookups are cached
 * after the first record, so an in-process registry ({@code mock://}) costs the same as a remote one here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AvroSerdeBenchmark {

    private static final String SCOPE = "jmh-avro";
    private static final String TOPIC = "trades";
    private static final String CANDLES = "candles-1m";

    private final SpecificAvroSerde<Trade> serde = new SpecificAvroSerde<>();
    private final SpecificAvroSerde<Candle> candles = new SpecificAvroSerde<>();
    private Trade trade;
    private Candle candle;
    private byte[] bytes;

    @Setup
    public void setUp() {
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
        trade = new Trade("binance", "BTC", "USDT", 60_123.45, 0.0125, "4123456789", TakerSide.BUY,
                Instant.parse("2026-01-05T12:34:56.789Z"));
        bytes = serde.serializer().serialize(TOPIC, trade);
        candles.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
        candle = Candle.newBuilder().setSubject("binance:BTC-USDT").setInterval(CandleInterval.ONE_MINUTE)
                .setStart(Instant.parse("2026-01-05T12:34:00Z")).setEnd(Instant.parse("2026-01-05T12:35:00Z"))
                .setCurrency("USDT").setOpen(60_123.45).setHigh(60_130.0).setLow(60_100.5).setClose(60_120.25)
                .setVolumeBase(1.25).setVolumeQuote(75_150.3).setVolumeUsd(75_140.1).setTradeCount(83).build();
    }

    @TearDown
    public void tearDown() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Benchmark
    public byte[] serialize() {
        return serde.serializer().serialize(TOPIC, trade);
    }

    /** A final 1m candle, as the asset stage sends one for about every other trade at the bench's default density. */
    @Benchmark
    public byte[] serializeCandle() {
        return candles.serializer().serialize(CANDLES, candle);
    }

    @Benchmark
    public Trade deserialize() {
        return serde.deserializer().deserialize(TOPIC, bytes);
    }
}
