package io.marketmetrics.app.topology;

import io.marketmetrics.app.topology.market.MarketWideFigures;
import io.marketmetrics.schema.CategoryMetrics;
import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.IndexMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;

/** {@link MetricsDriver} plus the market-wide stage's input and outputs. */
final class MarketWideDriver implements AutoCloseable {

    final MetricsDriver d;
    private final TestInputTopic<String, IndexDefinition> definitions;
    private final TestOutputTopic<String, IndexMetrics> indexMetrics;
    private final TestOutputTopic<String, CategoryMetrics> categoryMetrics;
    private final TestOutputTopic<String, MarketWideFigures> feedback;
    final Map<String, IndexMetrics> indexes = new HashMap<>();
    final Map<String, CategoryMetrics> categories = new HashMap<>();
    /** Every index-metrics record, in order. */
    final List<KeyValue<String, IndexMetrics>> indexRecords = new ArrayList<>();

    MarketWideDriver(UnaryOperator<MetricsConfig> customize) {
        this.d = new MetricsDriver(customize);
        MetricsConfig config = d.config;
        this.definitions = d.driver.createInputTopic(config.topics().indexDefinitions(), new StringSerializer(),
                AvroSerdes.<IndexDefinition>value(config).serializer());
        this.indexMetrics = d.driver.createOutputTopic(config.topics().indexMetrics(), Serdes.String().deserializer(),
                AvroSerdes.<IndexMetrics>value(config).deserializer());
        this.categoryMetrics = d.driver.createOutputTopic(config.topics().categoryMetrics(), Serdes.String().deserializer(),
                AvroSerdes.<CategoryMetrics>value(config).deserializer());
        this.feedback = d.driver.createOutputTopic(config.topics().assetMarketWide(), Serdes.String().deserializer(),
                MarketWideFigures.serde().deserializer());
    }

    MarketWideDriver() {
        this(c -> c);
    }

    static IndexConstituent constituent(String asset, double units, Double maxWeightPct) {
        return IndexConstituent.newBuilder().setAsset(asset).setUnits(units).setMaxWeightPct(maxWeightPct).build();
    }

    void index(String symbol, long effectiveFrom, IndexConstituent... constituents) {
        index(symbol, IndexDefinition.newBuilder().setSymbol(symbol)
                .setEffectiveFrom(Instant.ofEpochMilli(effectiveFrom)).setConstituents(List.of(constituents)).build());
    }

    /** Pipes {@code definition} (null: a deletion) under {@code key}. */
    void index(String key, IndexDefinition definition) {
        definitions.pipeInput(key, definition);
        settle();
    }

    /**
     * Runs the publication punctuations until nothing more is published: asset figures go to the market-wide
     * stage, whose rank and NAV come back to the asset stage and are published with the asset's next figures.
     *
     * @return the number of rounds that published something
     */
    int settle() {
        int busy = 0;
        for (int round = 0; round < 10; round++) {
            int before = d.published;
            d.collect();
            List<KeyValue<String, IndexMetrics>> i = indexMetrics.readKeyValuesToList();
            List<KeyValue<String, CategoryMetrics>> c = categoryMetrics.readKeyValuesToList();
            i.forEach(kv -> {
                if (kv.value == null) {
                    indexes.remove(kv.key);
                } else {
                    indexes.put(kv.key, kv.value);
                }
            });
            indexRecords.addAll(i);
            c.forEach(kv -> categories.put(kv.key, kv.value));
            boolean fedBack = !feedback.isEmpty();
            feedback.readRecordsToList();
            if (d.published == before && i.isEmpty() && c.isEmpty() && !fedBack) {
                return busy;
            }
            busy++;
        }
        throw new AssertionError("still publishing after 10 rounds: a feedback loop");
    }

    @Override
    public void close() {
        d.close();
    }
}
