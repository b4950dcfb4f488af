package io.marketmetrics.app.topology.market;

import io.marketmetrics.app.topology.Publications;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.TradeCounters;
import io.marketmetrics.schema.CategoryMetrics;
import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.IndexMetrics;
import java.util.AbstractMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market-wide stage, in the one task that sees every asset: on each asset update (an
 * {@link AssetSnapshot}, at the rate of published asset figures) it moves the asset in the ranking, in and
 * out of categories, and marks the indexes it belongs to; on each basket ({@link BasketChange}) it keeps
 * the index's history. Before each commit it publishes what changed ({@link Publications}), once per key:
 * index figures, category figures, and each asset's {@link MarketWideFigures} back to the asset stage. Only
 * changed figures are published, so the asset stage's re-publication of an asset (which changes no snapshot)
 * ends here.
 */
final class MarketWideProcessor implements Processor<String, Object, String, Object> {

    /** What the stage publishes. */
    enum Kind { INDEX, CATEGORY, ASSET }

    private static final Logger log = LoggerFactory.getLogger(MarketWideProcessor.class);
    private static final byte[] NOTHING = new byte[0];

    private final MarketWideStage stage;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, AssetSnapshot> assets;
    private Ranking ranking;
    private KeyValueStore<Bytes, byte[]> members;
    private IndexBaskets baskets;
    private KeyValueStore<String, IndexMetrics> indexFigures;
    private KeyValueStore<String, CategoryMetrics> categoryFigures;
    private KeyValueStore<String, MarketWideFigures> fedBack;
    private Publications<Kind> pending;
    private Sensor invalidBaskets;

    MarketWideProcessor(MarketWideStage stage) {
        this.stage = stage;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.assets = context.getStateStore(MarketWideStage.ASSETS);
        this.ranking = new Ranking(context.getStateStore(MarketWideStage.RANKING));
        this.members = context.getStateStore(MarketWideStage.CATEGORY_MEMBERS);
        this.baskets = new IndexBaskets(context.getStateStore(MarketWideStage.BASKETS),
                context.getStateStore(MarketWideStage.SUBSCRIPTIONS));
        this.indexFigures = context.getStateStore(StoreNames.INDEX_METRICS);
        this.categoryFigures = context.getStateStore(StoreNames.CATEGORY_METRICS);
        this.fedBack = context.getStateStore(MarketWideStage.FED_BACK);
        this.pending = context.getStateStore(MarketWideStage.PENDING);
        this.invalidBaskets = context.metrics().addRateTotalSensor(TradeCounters.SCOPE, "index-definitions",
                "invalid-dropped", Sensor.RecordingLevel.INFO);
        pending.publishBeforeEachCommit(context, stage.config().publishInterval(), stage.config().liveLag(), this::publish);
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof AssetSnapshot snapshot) {
            onAsset(record.key(), snapshot);
        } else {
            onBasket(record.key(), ((BasketChange) record.value()).basket());
        }
    }

    private void onAsset(String symbol, AssetSnapshot now) {
        AssetSnapshot before = assets.get(symbol);
        if (now.equals(before)) {
            return;
        }
        assets.put(symbol, now);
        ranking.move(symbol, before == null ? Double.NaN : before.marketCapUsd(), now.marketCapUsd(),
                s -> pending.mark(Kind.ASSET, s));
        Set<String> left = new HashSet<>(before == null ? List.of() : before.categories());
        left.removeAll(now.categories());
        for (String category : left) {
            members.delete(CompositeKeys.of(category, symbol));
            pending.mark(Kind.CATEGORY, category);
        }
        for (String category : now.categories()) {
            members.put(CompositeKeys.of(category, symbol), NOTHING);
            pending.mark(Kind.CATEGORY, category);
        }
        baskets.indexesOf(symbol).forEach(index -> pending.mark(Kind.INDEX, index));
    }

    private void onBasket(String index, IndexDefinition basket) {
        if (basket == null) {
            baskets.delete(index);
        } else if (!index.equals(basket.getSymbol()) || basket.getConstituents().isEmpty()
                || !basket.getConstituents().stream().allMatch(MarketWideProcessor::validUnits)) {
            log.warn("Index definition under key {} dropped: it must name the same index, have constituents, "
                    + "and positive finite units: {}", index, basket);
            invalidBaskets.record();
            return;
        } else {
            baskets.put(basket);
        }
        pending.mark(Kind.INDEX, index);
    }

    private static boolean validUnits(IndexConstituent c) {
        return c.getUnits() > 0 && Double.isFinite(c.getUnits());
    }

    /** Indexes first: they decide the NAV and premium that the assets' figures then carry. */
    private void publish() {
        pending.take(Kind.INDEX).forEach(this::publishIndex);
        pending.take(Kind.CATEGORY).forEach(this::publishCategory);
        pending.take(Kind.ASSET).forEach(this::publishAsset);
    }

    private void publishIndex(String index) {
        List<IndexDefinition> history = baskets.of(index);
        IndexMetrics before = indexFigures.get(index);
        if (history.isEmpty()) {
            if (before != null) {
                indexFigures.delete(index);
                context.forward(new Record<>(index, null, before.getUpdatedAt().toEpochMilli()), MarketWideStage.INDEX_SINK);
                pending.mark(Kind.ASSET, index);
            }
            return;
        }
        long evaluatedAt = Long.MIN_VALUE;
        for (String asset : baskets.assets(index)) {
            AssetSnapshot s = assets.get(asset);
            evaluatedAt = s == null ? evaluatedAt : Math.max(evaluatedAt, s.updatedAt());
        }
        IndexDefinition basket = IndexBaskets.inForce(history, evaluatedAt);
        if (basket == null) {
            return;
        }
        IndexMetrics now = IndexFigures.build(basket, assets::get, evaluatedAt);
        if (before == null || !IndexMetrics.newBuilder(before).setUpdatedAt(now.getUpdatedAt()).build().equals(now)) {
            indexFigures.put(index, now);
            context.forward(new Record<>(index, now, evaluatedAt), MarketWideStage.INDEX_SINK);
            pending.mark(Kind.ASSET, index);
        }
    }

    private void publishCategory(String id) {
        List<Map.Entry<String, AssetSnapshot>> in = CompositeKeys.withPrefix(members, id).stream()
                .map(kv -> CompositeKeys.second(kv.key))
                .<Map.Entry<String, AssetSnapshot>>map(s -> new AbstractMap.SimpleImmutableEntry<>(s, assets.get(s)))
                .toList();
        CategoryMetrics before = categoryFigures.get(id);
        if (in.isEmpty()) {
            if (before != null) {
                categoryFigures.delete(id);
                context.forward(new Record<>(id, null, before.getUpdatedAt().toEpochMilli()), MarketWideStage.CATEGORY_SINK);
            }
            return;
        }
        long updatedAt = in.stream().mapToLong(e -> e.getValue().updatedAt()).max().orElseThrow();
        CategoryMetrics now = CategoryFigures.build(id, in, updatedAt);
        if (before == null || !CategoryMetrics.newBuilder(before).setUpdatedAt(now.getUpdatedAt()).build().equals(now)) {
            categoryFigures.put(id, now);
            context.forward(new Record<>(id, now, updatedAt), MarketWideStage.CATEGORY_SINK);
        }
    }

    private void publishAsset(String symbol) {
        AssetSnapshot s = assets.get(symbol);
        IndexMetrics index = indexFigures.get(symbol);
        MarketWideFigures now = new MarketWideFigures(s == null ? null : ranking.rank(symbol, s.marketCapUsd()),
                index == null ? null : index.getNavUsd(), index == null ? null : index.getPremiumPct());
        MarketWideFigures before = fedBack.get(symbol);
        if (!now.equals(before == null ? MarketWideFigures.NONE : before)) {
            fedBack.put(symbol, now);
            context.forward(new Record<>(symbol, now, s == null ? 0L : s.updatedAt()), MarketWideStage.FEEDBACK_SINK);
        }
    }
}
