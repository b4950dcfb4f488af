package io.marketmetrics.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.marketmetrics.app.runtime.AppSettings;
import io.marketmetrics.app.runtime.AppTopology;
import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.app.runtime.TopicProvisioner;
import io.marketmetrics.app.testing.KafkaAndRegistry;
import io.marketmetrics.app.testing.TopicReader;
import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.MetricsTopology;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.TopologyStreamsConfig;
import io.marketmetrics.app.topology.TradeCounters;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.serde.AvroSerdeConfig;
import io.marketmetrics.serde.KafkaAvroSerializer;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records of every kind interleaved into a replay, against a real broker, registry and application: each
 * ends in the dead-letter topic with its reason and its original bytes (a duplicate is only counted), the
 * application keeps running, and every published figure equals that of a run over the same trades without them.
 */
class BadInputTest {

    private static final int PARTITIONS = 3;
    private static final int GOOD_TRADES = 3000;
    // Just under the broker's default message.max.bytes (1 MiB + 12): the largest record a producer can write.
    private static final int LARGEST_RECORD = 1_000_000;

    @TempDir
    static Path dir;
    @RegisterExtension
    static final KafkaAndRegistry cluster = new KafkaAndRegistry();

    /** One bad record, the reason its dead letter must carry (null: no dead letter), and where it goes. */
    private record Bad(String key, byte[] value, String reason) {
    }

    @Test
    void everyBadRecordIsDeadLetteredWithItsReasonAndTheFiguresAreUntouched() throws Exception {
        List<Trade> trades = GeneratedTrades.generate(7, GOOD_TRADES);
        TopicNames clean = new TopicNames("clean.");
        TopicNames dirty = new TopicNames("dirty.");
        try (MetricsService cleanApp = start("clean", clean); MetricsService dirtyApp = start("dirty", dirty);
             KafkaAvroSerializer avro = serializer();
             KafkaProducer<String, byte[]> producer = producer()) {
            List<Bad> expectedDead = new ArrayList<>();
            int nextBad = 0;
            Trade lastBtc = null;
            for (int i = 0; i < trades.size(); i++) {
                Trade trade = trades.get(i);
                byte[] bytes = avro.serialize(dirty.trades(), trade);
                producer.send(new ProducerRecord<>(clean.trades(), trade.getBase(), avro.serialize(clean.trades(), trade)));
                producer.send(new ProducerRecord<>(dirty.trades(), trade.getBase(), bytes));
                if (trade.getBase().equals("BTC")) {
                    lastBtc = trade;
                    // From the 1000th trade on (2.5 minutes in), a bad record after a BTC trade every ~100 trades.
                    // 7.5 minutes of trades in all: some candles become final (their minute plus 5 minutes grace).
                    if (nextBad < 14 && i >= 1000 + 100 * nextBad) {
                        Bad bad = bad(nextBad++, lastBtc, bytes, avro, dirty);
                        producer.send(new ProducerRecord<>(dirty.trades(), bad.key(), bad.value()));
                        if (bad.reason() != null) {
                            expectedDead.add(bad);
                        }
                    }
                }
            }
            producer.flush();
            assertThat(nextBad).as("every kind of bad record was sent").isEqualTo(14);

            FinalOutputs.awaitSettled(cluster.bootstrapServers(), "clean", clean, Duration.ofMinutes(3));
            FinalOutputs.awaitSettled(cluster.bootstrapServers(), "dirty", dirty, Duration.ofMinutes(3));

            assertThat(dirtyApp.streams().state()).as("the application never stopped").isEqualTo(KafkaStreams.State.RUNNING);
            List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAllRaw(cluster.bootstrapServers(), dirty.tradesDlq());
            assertThat(dead.stream().map(BadInputTest::describe).sorted().toList())
                    .isEqualTo(expectedDead.stream().map(b -> describe(b.key(), b.value(), b.reason())).sorted().toList());
            assertThat(TopicReader.readAllRaw(cluster.bootstrapServers(), clean.tradesDlq())).isEmpty();
            assertThat(duplicatesDropped(dirtyApp)).as("duplicates dropped and counted").isEqualTo(1.0);
            assertThat(duplicatesDropped(cleanApp)).isZero();

            FinalOutputs expected = FinalOutputs.read(cluster.bootstrapServers(), cluster.registryUrl(), clean);
            FinalOutputs actual = FinalOutputs.read(cluster.bootstrapServers(), cluster.registryUrl(), dirty);
            assertThat(expected.assetMetrics()).hasSize(6);
            assertThat(expected.marketMetrics()).hasSize(18);
            assertThat(expected.candles()).isNotEmpty();
            assertThat(actual).isEqualTo(expected);
        }
    }

    /** The {@code n}th kind of bad record, placed right after BTC trade {@code last} (serialized as {@code lastBytes}). */
    private static Bad bad(int n, Trade last, byte[] lastBytes, KafkaAvroSerializer avro, TopicNames topics) {
        Instant time = last.getEventTime();
        return switch (n) {
            case 0 -> new Bad("BTC", "not avro at all".getBytes(StandardCharsets.UTF_8), "DESERIALIZATION");
            case 1 -> {
                byte[] wrongMagic = lastBytes.clone();
                wrongMagic[0] = 1;
                yield new Bad("BTC", wrongMagic, "DESERIALIZATION");
            }
            case 2 -> {
                byte[] unknownId = lastBytes.clone();
                ByteBuffer.wrap(unknownId).put(0, (byte) 0).putInt(1, 987_654);
                yield new Bad("BTC", unknownId, "DESERIALIZATION");
            }
            // A record of another registered schema, as a producer writing to the wrong topic would send.
            case 3 -> new Bad("BTC", avro.serialize(topics.exchangeReference(), ExchangeReference.newBuilder()
                    .setId("binance").setName("Binance").setTradeUrl(null).build()), "DESERIALIZATION");
            // Dated two hours ahead of the stream: must not move stream time, or every later trade would be late.
            case 4 -> trade(avro, topics, copy(last, "nan").setPrice(Double.NaN).setEventTime(time.plus(Duration.ofHours(2))), "INVALID_PRICE");
            case 5 -> trade(avro, topics, copy(last, "negative").setQuantity(-0.5), "INVALID_QUANTITY");
            case 6 -> trade(avro, topics, copy(last, "zero").setPrice(0), "INVALID_PRICE");
            case 7 -> trade(avro, topics, copy(last, "symbol").setBase("BT C").setEventTime(time.plus(Duration.ofHours(3))), "INVALID_SYMBOL");
            case 8 -> trade(avro, topics, copy(last, "future").setEventTime(Instant.now().plus(Duration.ofDays(1))), "TIME_IN_FUTURE");
            case 9 -> trade(avro, topics, copy(last, "late").setEventTime(time.minus(Duration.ofHours(1))), "LATE");
            case 10 -> new Bad("BTC", lastBytes, null); // the same trade again: dropped and counted, no dead letter
            case 11 -> new Bad("BTC", null, "MISSING_VALUE");
            case 12 -> trade(avro, topics, copy(last, "infinite").setQuantity(Double.POSITIVE_INFINITY), "INVALID_QUANTITY");
            case 13 -> {
                byte[] huge = new byte[LARGEST_RECORD];
                new Random(13).nextBytes(huge);
                yield new Bad("BTC", huge, "DESERIALIZATION");
            }
            default -> throw new IllegalArgumentException("no bad record " + n);
        };
    }

    private static Trade.Builder copy(Trade trade, String id) {
        return Trade.newBuilder(trade).setTradeId("bad-" + id);
    }

    private static Bad trade(KafkaAvroSerializer avro, TopicNames topics, Trade.Builder trade, String reason) {
        Trade t = trade.build();
        return new Bad(t.getBase(), avro.serialize(topics.trades(), t), reason);
    }

    private static String describe(ConsumerRecord<String, byte[]> r) {
        byte[] reason = r.headers().lastHeader("reason").value();
        return describe(r.key(), r.value(), new String(reason, StandardCharsets.UTF_8));
    }

    private static String describe(String key, byte[] value, String reason) {
        return reason + " key=" + key + " value=" + (value == null ? "null" : value.length + "B#" + Arrays.hashCode(value));
    }

    private static double duplicatesDropped(MetricsService app) {
        return app.streams().metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(TradeCounters.GROUP) && e.getKey().name().equals("duplicate-dropped-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    private static MetricsService start(String id, TopicNames topics) {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()))) {
            new TopicProvisioner(admin).provision(new TopicLayout(topics, PARTITIONS));
        }
        AppSettings settings = new AppSettings(cluster.bootstrapServers(), cluster.registryUrl(), id, dir.resolve(id + "-state"),
                "127.0.0.1", 0, null, topics, PARTITIONS, Map.of());
        MetricsConfig config = MetricsConfig.defaults(topics, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, cluster.registryUrl()));
        return MetricsService.start(settings, new AppTopology(MetricsTopology.build(config), TopologyStreamsConfig.properties(config),
                StoreNames.ASSET_METRICS, StoreNames.MARKET_METRICS));
    }

    private static KafkaAvroSerializer serializer() {
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, cluster.registryUrl()), false);
        return avro;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Room for the largest record the broker accepts (the default is 1 MiB including overhead).
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * LARGEST_RECORD),
                new StringSerializer(), new ByteArraySerializer());
    }
}
