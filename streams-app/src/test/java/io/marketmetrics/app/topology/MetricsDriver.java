package io.marketmetrics.app.topology;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.Candle;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.serde.MockSchemaRegistry;
import io.marketmetrics.topics.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The metrics topology in a {@link TopologyTestDriver}, with typed topics and the latest figures per key. */
final class MetricsDriver implements AutoCloseable {

    final MetricsConfig config;
    final TopologyTestDriver driver;
    private final String scope = "topology-test-" + UUID.randomUUID();
    private final TestInputTopic<String, Trade> trades;
    private final TestInputTopic<String, byte[]> rawTrades;
    private final TestInputTopic<String, AssetReference> assetReference;
    private final TestInputTopic<String, ExchangeReference> exchangeReference;
    private final TestOutputTopic<String, MarketMetrics> marketMetrics;
    private final TestOutputTopic<String, AssetMetrics> assetMetrics;
    private final TestOutputTopic<String, Candle> candles1m;
    private final TestOutputTopic<String, Candle> candles1h;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    final Map<String, MarketMetrics> markets = new HashMap<>();
    final Map<String, AssetMetrics> assets = new HashMap<>();
    /** How many market and asset records {@link #collect()} has read so far. */
    int published;

    MetricsDriver(UnaryOperator<MetricsConfig> customize) {
        this.config = customize.apply(MetricsConfig.defaults(TopicNames.unprefixed(),
                Map.of("schema.registry.url", "mock://" + scope)));
        Properties props = TopologyStreamsConfig.properties(config);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("topology-test").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.driver = new TopologyTestDriver(MetricsTopology.build(config), props);
        TopicNames t = config.topics();
        var keys = new StringSerializer();
        this.trades = driver.createInputTopic(t.trades(), keys, AvroSerdes.<Trade>value(config).serializer());
        this.rawTrades = driver.createInputTopic(t.trades(), keys, new ByteArraySerializer());
        this.assetReference = driver.createInputTopic(t.assetReference(), keys,
                AvroSerdes.<AssetReference>value(config).serializer());
        this.exchangeReference = driver.createInputTopic(t.exchangeReference(), keys,
                AvroSerdes.<ExchangeReference>value(config).serializer());
        var keyDe = Serdes.String().deserializer();
        this.marketMetrics = driver.createOutputTopic(t.marketMetrics(), keyDe, AvroSerdes.<MarketMetrics>value(config).deserializer());
        this.assetMetrics = driver.createOutputTopic(t.assetMetrics(), keyDe, AvroSerdes.<AssetMetrics>value(config).deserializer());
        this.candles1m = driver.createOutputTopic(t.candles1m(), keyDe, AvroSerdes.<Candle>value(config).deserializer());
        this.candles1h = driver.createOutputTopic(t.candles1h(), keyDe, AvroSerdes.<Candle>value(config).deserializer());
        this.deadLetters = driver.createOutputTopic(t.tradesDlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** In-memory stores: the driver commits, and so would flush RocksDB, after every record. */
    MetricsDriver() {
        this(MetricsConfig::withInMemoryStores);
    }

    static Trade trade(String market, double price, double quantity, String id, long time) {
        String exchange = market.substring(0, market.indexOf(':'));
        String base = market.substring(market.indexOf(':') + 1, market.lastIndexOf('-'));
        String quote = market.substring(market.lastIndexOf('-') + 1);
        return Trade.newBuilder().setExchange(exchange).setBase(base).setQuote(quote).setPrice(price).setQuantity(quantity)
                .setTradeId(id).setSide(TakerSide.BUY).setEventTime(Instant.ofEpochMilli(time)).build();
    }

    /** Pipes a trade keyed by its base asset, and collects what it published. */
    void pipe(Trade trade) {
        pipe(trade.getBase(), trade);
    }

    /** Pipes a trade without reading outputs: for long replays. */
    void pipeQuietly(Trade trade) {
        trades.pipeInput(new TestRecord<>(trade.getBase(), trade, Instant.now()));
    }

    void pipe(String key, Trade trade) {
        trades.pipeInput(new TestRecord<>(key, trade, Instant.now()));
        collect();
    }

    void pipeRaw(String key, byte[] value) {
        rawTrades.pipeInput(key, value);
        collect();
    }

    void reference(AssetReference reference) {
        assetReference.pipeInput(reference.getSymbol(), reference);
        collect();
    }

    void exchange(ExchangeReference reference) {
        exchangeReference.pipeInput(reference.getId(), reference);
        collect();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    List<Candle> candles1m() {
        return candles1m.readValuesToList();
    }

    List<Candle> candles1h() {
        return candles1h.readValuesToList();
    }

    /** Asset records published since the last call. */
    List<KeyValue<String, AssetMetrics>> assetUpdates() {
        return assetMetrics.readKeyValuesToList();
    }

    /** Market records published since the last call. */
    List<KeyValue<String, MarketMetrics>> marketUpdates() {
        return marketMetrics.readKeyValuesToList();
    }

    /** Lets the publication punctuation run, then reads what was published. */
    void collect() {
        driver.advanceWallClockTime(config.publishInterval());
        var m = marketMetrics.readKeyValuesToList();
        var a = assetMetrics.readKeyValuesToList();
        m.forEach(kv -> markets.put(kv.key, kv.value));
        a.forEach(kv -> assets.put(kv.key, kv.value));
        published += m.size() + a.size();
    }

    double counter(String name) {
        for (var e : driver.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (n.group().equals(TradeCounters.GROUP) && n.name().equals(name)) {
                return ((Number) e.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no metric " + name);
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.dropScope(scope);
    }
}
