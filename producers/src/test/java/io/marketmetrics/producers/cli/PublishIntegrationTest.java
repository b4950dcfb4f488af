package io.marketmetrics.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketmetrics.cli.CliLauncher;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.producers.SharedData;
import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.producers.reference.ReferenceData;
import io.marketmetrics.producers.reference.ReferencePublisher;
import io.marketmetrics.registry.SchemaRegistryServer;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.serde.KafkaAvroDeserializer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The producers.jar commands against a real single-node KRaft broker and the project's schema registry
 * server: what lands on the topics is exactly what the input says, keyed as INTERFACES.md says; an
 * unreachable broker or registry ends the command with one clear line and a non-zero exit.
 */
class PublishIntegrationTest {

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static EmbeddedKafkaBroker broker;
    static SchemaRegistryServer registry;

    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        stack = LocalStack.start(dataDir);
        broker = stack.broker;
        registry = stack.registry;
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void replayPublishesExactlyTheFilesTradesKeyedByBaseAsset() throws Exception {
        createTopic("r1.trades", 3);
        Path file = Files.writeString(dataDir.resolve("trades.csv"), """
                timestamp,exchange,base,quote,price,quantity,trade_id,side
                2019-10-11T00:00:00Z,binance,BTC,USDT,8300.5,0.01,1,buy
                2019-10-11T00:00:01Z,binance,ETH,USDT,180.25,2,2,sell
                1570752002000,coinbase,BTC,USD,8301,0.5,c-3,
                1570752003000,kraken,SOL,EUR,3.1,100,k4,buy
                1570752004000,binance,ETH,BTC,0.0217,1.5,5,buy
                1570752005000,coinbase,BTC,USD,8299.99,0.25,c-6,sell
                1570752006000,binance,SOL,USDT,3.4,12,7,sell
                """);
        List<Trade> expected = List.of(
                trade(1570752000000L, "binance", "BTC", "USDT", 8300.5, 0.01, "1", TakerSide.BUY),
                trade(1570752001000L, "binance", "ETH", "USDT", 180.25, 2, "2", TakerSide.SELL),
                trade(1570752002000L, "coinbase", "BTC", "USD", 8301, 0.5, "c-3", TakerSide.UNKNOWN),
                trade(1570752003000L, "kraken", "SOL", "EUR", 3.1, 100, "k4", TakerSide.BUY),
                trade(1570752004000L, "binance", "ETH", "BTC", 0.0217, 1.5, "5", TakerSide.BUY),
                trade(1570752005000L, "coinbase", "BTC", "USD", 8299.99, 0.25, "c-6", TakerSide.SELL),
                trade(1570752006000L, "binance", "SOL", "USDT", 3.4, 12, "7", TakerSide.SELL));

        int code = cli("replay", "--file", file.toString(), "--topic-prefix", "r1.",
                "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry", registry.url());

        assertThat(code).as("exit code; stderr: %s", err).isZero();
        List<ConsumerRecord<String, Object>> records = consume("r1.trades", expected.size(), registry.url());
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(((Trade) r.value()).getBase()));
        // All trades of an asset share one partition, in file order.
        Map<String, Set<Integer>> partitions = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
        assertThat(partitions.values()).allSatisfy(p -> assertThat(p).hasSize(1));
        for (String base : List.of("BTC", "ETH", "SOL")) {
            assertThat(records.stream().filter(r -> r.key().equals(base)).map(ConsumerRecord::value).toList())
                    .containsExactlyElementsOf(expected.stream().filter(t -> t.getBase().equals(base)).toList());
        }
        // Broker time, not the 2019 event time, stamps the records: retention cannot delete them on arrival.
        assertThat(records).allSatisfy(r -> assertThat(r.timestamp()).isGreaterThan(Instant.parse("2026-01-01T00:00:00Z")
                .toEpochMilli() - 400L * 24 * 3600 * 1000));
        assertThat(httpGet(registry.url() + "/subjects")).contains("\"r1.trades-value\"");
    }

    @Test
    void replayOfRealAggTradesPublishesEveryOne() throws Exception {
        Path file = SharedData.require(SharedData.dir().resolve("freqtrade/binance_xrp_eth_trades/XRP_OLD-trades.json.gz"));
        int code = cli("replay", "--file", file.toString(), "--topic-prefix", "r2.",
                "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry", registry.url());
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        List<ConsumerRecord<String, Object>> records = consume("r2.trades", 12_477, registry.url());
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("XRP");
        assertThat(records).extracting(r -> ((Trade) r.value()).getTradeId()).doesNotHaveDuplicates();
    }

    @Test
    void referencePublishesEveryRecordToItsCompactedTopic() throws Exception {
        Path file = Path.of("..", "config", "reference.yaml");
        ReferenceData data = ReferenceData.load(file);
        int code = cli("reference", "--file", file.toString(), "--topic-prefix", "ref.",
                "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry", registry.url());
        assertThat(code).as("exit code; stderr: %s", err).isZero();

        Map<String, Object> assets = latestByKey(consume("ref.asset-reference", data.assets().size(), registry.url()));
        assertThat(assets).hasSize(31).containsEntry("DEFI.SSI",
                data.assets().stream().filter(a -> a.getSymbol().equals("DEFI.SSI")).findFirst().orElseThrow());
        assertThat(assets).allSatisfy((key, value) -> assertThat(((AssetReference) value).getSymbol()).isEqualTo(key));
        Map<String, Object> exchanges = latestByKey(consume("ref.exchange-reference", 5, registry.url()));
        assertThat(exchanges).containsOnlyKeys("binance", "coinbase", "kraken", "okx", "bybit");
        assertThat(exchanges).allSatisfy((key, value) -> assertThat(((ExchangeReference) value).getId()).isEqualTo(key));
        Map<String, Object> indexes = latestByKey(consume("ref.index-definitions", 1, registry.url()));
        assertThat(indexes).containsOnlyKeys("DEFI.SSI");
        assertThat(((IndexDefinition) indexes.get("DEFI.SSI")).getConstituents()).hasSize(10);
    }

    @Test
    void simulatePublishesTheRequestedNumberOfTrades() throws Exception {
        // The registry is not the point here: an in-process one.
        String mock = "mock://simulate-it";
        int code = cli("simulate", "--count", "500", "--speed", "max", "--seed", "42", "--topic-prefix", "s1.",
                "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry", mock);
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        List<ConsumerRecord<String, Object>> records = consume("s1.trades", 500, mock);
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(((Trade) r.value()).getBase()));
    }

    @Test
    void theLibraryApiAsTheDemoUsesIt() throws Exception {
        String mock = "mock://library-api";
        PublishTarget target = PublishTarget.of(broker.bootstrapServers(), mock);
        List<Trade> trades = List.of(
                trade(1_700_000_000_000L, "okx", "SOL", "USDT", 150.25, 3, "a", TakerSide.BUY),
                trade(1_700_000_000_001L, "okx", "ETH", "USDT", 2500.5, 0.1, "b", TakerSide.SELL));
        try (TradePublisher publisher = new TradePublisher(target)) {
            trades.forEach(publisher::accept);
            publisher.flush();
            assertThat(publisher.sent()).isEqualTo(2);
            assertThat(publisher.failed()).isZero();
        }
        assertThat(consume("trades", 2, mock)).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(trades);
        assertThat(ReferencePublisher.publish(new ReferenceData(List.of(new AssetReference("SOL", "Solana", List.of("layer-1"),
                null, null, null, null, null)), List.of(), List.of()), target)).isEqualTo(1);
        assertThat(consume("asset-reference", 1, mock)).extracting(ConsumerRecord::key).containsExactly("SOL");
    }

    @Test
    @Timeout(60) // a guard against a hang, not a measurement: the bound itself is --timeout
    void anUnreachableBrokerEndsWithOneLineAndExitCode1() throws Exception {
        Path file = Files.writeString(dataDir.resolve("one.csv"), """
                timestamp,exchange,base,quote,price,quantity,trade_id,side
                1570752000000,binance,BTC,USDT,8300.5,0.01,1,buy
                """);
        int port = LocalStack.closedPort();
        int code = cli("replay", "--file", file.toString(), "--timeout", "2",
                "--bootstrap-servers", "127.0.0.1:" + port, "--schema-registry", registry.url());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: no answer from Kafka at 127.0.0.1:" + port
                + " for topic trades: Topic trades not present in metadata after 2000 ms."
                + " (is the broker reachable and the topic there?)" + System.lineSeparator());
    }

    @Test
    @Timeout(60)
    void anUnreachableRegistryEndsWithOneLineAndExitCode1() throws Exception {
        Path file = Files.writeString(dataDir.resolve("one.csv"), """
                timestamp,exchange,base,quote,price,quantity,trade_id,side
                1570752000000,binance,BTC,USDT,8300.5,0.01,1,buy
                """);
        String url = "http://127.0.0.1:" + LocalStack.closedPort();
        int code = cli("replay", "--file", file.toString(), "--topic-prefix", "r3.",
                "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry", url);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: cannot serialize a record for topic r3.trades with the schema "
                + "registry at " + url + ": ").endsWith(System.lineSeparator());
        assertThat(err.toString().lines()).hasSize(1);
    }

    private int cli(String... args) {
        CommandLine commandLine = new CommandLine(new ProducersCommand());
        commandLine.setErr(new PrintWriter(err, true));
        return CliLauncher.execute(commandLine, args, Map.of());
    }

    private static Trade trade(long millis, String exchange, String base, String quote, double price, double quantity,
            String id, TakerSide side) {
        return new Trade(exchange, base, quote, price, quantity, id, side, Instant.ofEpochMilli(millis));
    }

    private static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = stack.admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    /** Every record of the topic, waiting until there are {@code count}, from all partitions. */
    private static List<ConsumerRecord<String, Object>> consume(String topic, int count, String registryUrl) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName());
        props.put("schema.registry.url", registryUrl);
        props.put("specific.avro.reader", true);
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            assertThat(consumer.poll(Duration.ofMillis(500))).as("records beyond the expected %d", count).isEmpty();
        }
        return records;
    }

    private static Map<String, Object> latestByKey(List<ConsumerRecord<String, Object>> records) {
        Map<String, Object> latest = new HashMap<>();
        records.forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }


    private static String httpGet(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
