package io.marketmetrics.app.topology;

import io.marketmetrics.app.topology.asset.AssetStage;
import io.marketmetrics.app.topology.asset.MarketWideFeedback;
import io.marketmetrics.app.topology.hygiene.EventTimeExtractor;
import io.marketmetrics.app.topology.hygiene.HygieneStage;
import io.marketmetrics.app.topology.hygiene.TradeValidator;
import io.marketmetrics.app.topology.market.MarketWideFigures;
import io.marketmetrics.app.topology.market.MarketWideStage;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.Candle;
import io.marketmetrics.schema.CandleInterval;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.topics.TopicNames;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The metrics topology (METRICS.md):
 * <pre>
 * trades ─► hygiene ─┐ (invalid, late ─► dead-letter topic via the exception handler; duplicates dropped)
 * asset-reference ───┼─► asset stage ─► market-metrics, asset-metrics (one record per key per publish interval)
 * asset-market-wide ─┘    ▲     ▲     └─► candles-1m, candles-1h (final candles only)
 *   exchange-reference (global)  asset-metrics (global: USD rates of quote assets)
 * asset figures, index-definitions ─► market-wide stage ─► index-metrics, category-metrics, asset-market-wide
 * </pre>
 * {@code trades}, {@code asset-reference} and {@code asset-market-wide} are all keyed by the base asset and
 * must have the same number of partitions: the asset stage reads them in one task, with no repartition.
 * The market-wide stage ({@link MarketWideStage}: rank, categories, index NAV) works on the published asset
 * figures and feeds rank, NAV and premium back through {@code asset-market-wide}.
 */
public final class MetricsTopology {

    private MetricsTopology() {
    }

    public static Topology build(MetricsConfig config) {
        TopicNames topics = config.topics();
        TradeValidator validator = new TradeValidator(config.futureTolerance());
        EventTimeExtractor eventTime = new EventTimeExtractor(validator);
        Serde<String> keys = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();
        StoreSuppliers stores = new StoreSuppliers(config);

        builder.globalTable(topics.exchangeReference(),
                Consumed.with(keys, AvroSerdes.value(config, ExchangeReference.class)).withName("exchange-reference-source")
                        .withTimestampExtractor(eventTime),
                Materialized.<String, ExchangeReference>as(stores.keyValue(AssetStage.EXCHANGE_REFERENCE)));
        builder.globalTable(topics.assetMetrics(),
                Consumed.with(keys, AvroSerdes.value(config, AssetMetrics.class)).withName("usd-prices-source")
                        .withTimestampExtractor(eventTime),
                Materialized.<String, AssetMetrics>as(stores.keyValue(AssetStage.USD_PRICES)));

        KStream<String, SpecificRecord> accepted = builder
                .stream(topics.trades(), Consumed.with(keys, AvroSerdes.value(config, Trade.class)).withName("trades-source")
                        .withTimestampExtractor(eventTime))
                .process(new HygieneStage(config, validator), Named.as("hygiene"));
        KStream<String, SpecificRecord> references = builder.stream(topics.assetReference(),
                Consumed.with(keys, AvroSerdes.<SpecificRecord>value(config)).withName("asset-reference-source")
                        .withTimestampExtractor(eventTime));
        KStream<String, SpecificRecord> figures = accepted
                .merge(references, Named.as("asset-stage-input"))
                .process(new AssetStage(config), Named.as("asset-stage"));

        builder.stream(topics.assetMarketWide(), Consumed.with(keys, MarketWideFigures.serde())
                        .withName("asset-market-wide-source").withTimestampExtractor(eventTime))
                .process(MarketWideFeedback::new, Named.as("asset-market-wide-feedback"), MarketWideFeedback.STORES);
        MarketWideStage.attach(builder, config, figures
                .filter((key, value) -> value instanceof AssetMetrics, Named.as("published-asset-metrics"))
                .mapValues(v -> (AssetMetrics) v, Named.as("as-published-asset-metrics")), eventTime);

        figures.split(Named.as("route-"))
                .branch((key, value) -> value instanceof MarketMetrics, Branched.withConsumer(s -> s
                        .mapValues(v -> (MarketMetrics) v, Named.as("as-market-metrics"))
                        .to(topics.marketMetrics(), Produced.with(keys, AvroSerdes.<MarketMetrics>value(config))
                                .withName("market-metrics-sink")), "market-metrics"))
                .branch((key, value) -> value instanceof AssetMetrics, Branched.withConsumer(s -> s
                        .mapValues(v -> (AssetMetrics) v, Named.as("as-asset-metrics"))
                        .to(topics.assetMetrics(), Produced.with(keys, AvroSerdes.<AssetMetrics>value(config))
                                .withName("asset-metrics-sink")), "asset-metrics"))
                .branch((key, value) -> ((Candle) value).getInterval() == CandleInterval.ONE_MINUTE,
                        Branched.withConsumer(s -> s.mapValues(v -> (Candle) v, Named.as("as-candle-1m"))
                                .to(topics.candles1m(), Produced.with(keys, AvroSerdes.<Candle>value(config))
                                        .withName("candles-1m-sink")), "candles-1m"))
                .defaultBranch(Branched.withConsumer(s -> s.mapValues(v -> (Candle) v, Named.as("as-candle-1h"))
                        .to(topics.candles1h(), Produced.with(keys, AvroSerdes.<Candle>value(config))
                                .withName("candles-1h-sink")), "candles-1h"));
        return builder.build();
    }
}
