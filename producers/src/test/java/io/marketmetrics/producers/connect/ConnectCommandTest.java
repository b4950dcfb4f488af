package io.marketmetrics.producers.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketmetrics.cli.CliLauncher;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.registry.InMemorySchemaStore;
import io.marketmetrics.registry.SchemaRegistryServer;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.serde.KafkaAvroDeserializer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code connect} end to end: recorded venue messages in, Avro trades keyed by base asset out of a real broker. */
class ConnectCommandTest {

    @Test
    void publishesTheVenuesTradesToTheTradesTopicUntilStopped(@TempDir Path dataDir) throws Exception {
        List<String> recorded = RecordedMessages.resource("binance-btcusdt-trade.jsonl");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
                SchemaRegistryServer registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
                ReplayServer venue = ReplayServer.start(1, List.of(recorded), Map.of())) {
            String[] args = {"binance", "--symbols", "BTCUSDT", "--url", venue.uri().toString(),
                "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry", registry.url(),
                "--topic-prefix", "it-"};
            AtomicInteger exitCode = new AtomicInteger(-1);
            Thread command = new Thread(() -> exitCode.set(
                    CliLauncher.execute(new CommandLine(new ConnectCommand()), args, Map.of())), "connect-command");
            command.start();

            List<ConsumerRecord<String, Object>> records = consume(broker.bootstrapServers(), registry.url(), "it-trades",
                    recorded.size());
            command.interrupt(); // as Ctrl-C would stop the source: the command flushes and returns
            command.join(Duration.ofSeconds(30).toMillis());
            assertThat(exitCode.get()).isZero();

            assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo("BTC"));
            List<Trade> trades = records.stream().map(r -> (Trade) r.value()).toList();
            // {"t":3735683259,"p":"61837.63000000","q":"0.02000000","T":1723161255342,"m":true}
            assertThat(trades.get(0)).isEqualTo(Trade.newBuilder().setExchange("binance").setBase("BTC").setQuote("USDT")
                    .setPrice(61837.63).setQuantity(0.02).setTradeId("3735683259").setSide(TakerSide.SELL)
                    .setEventTime(Instant.ofEpochMilli(1723161255342L)).build());
            assertThat(trades).extracting(Trade::getTradeId).doesNotHaveDuplicates();
            BigDecimal quantities = BigDecimal.ZERO;
            for (String message : recorded) {
                String q = message.substring(message.indexOf("\"q\":\"") + 5);
                quantities = quantities.add(new BigDecimal(q.substring(0, q.indexOf('"'))));
            }
            assertThat(TradeSums.quantity(trades)).isEqualByComparingTo(quantities);
        }
    }

    @Test
    void anUnsupportedExchangeIsAUsageErrorOfOneLine() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ConnectCommand()).setErr(new PrintWriter(err));

        int exitCode = CliLauncher.execute(commandLine, new String[] {"ftx", "--symbols", "BTC-USD"}, Map.of());

        assertThat(exitCode).isEqualTo(CliLauncher.USAGE_ERROR);
        assertThat(err.toString().strip())
                .isEqualTo("error: unsupported exchange 'ftx'; supported: binance, bybit, coinbase, kraken, okx");
    }

    @Test
    void symbolsCanComeFromTheEnvironment() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ConnectCommand()).setErr(new PrintWriter(err));

        int exitCode = CliLauncher.execute(commandLine, new String[] {"okx"}, Map.of("MM_SYMBOLS", "BTC-USD-SWAP"));

        assertThat(exitCode).isEqualTo(CliLauncher.USAGE_ERROR);
        assertThat(err.toString()).contains("'BTC-USD-SWAP'").contains("spot market");
    }

    private static List<ConsumerRecord<String, Object>> consume(String bootstrap, String registryUrl, String topic,
            int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                "schema.registry.url", registryUrl,
                "specific.avro.reader", true);
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                deserializer(config))) {
            // assigned, not subscribed: no consumer group to join; the topic exists once the command published
            await().atMost(Duration.ofSeconds(60)).until(() -> !consumer.partitionsFor(topic).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static KafkaAvroDeserializer deserializer(Map<String, Object> config) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        return deserializer;
    }
}
