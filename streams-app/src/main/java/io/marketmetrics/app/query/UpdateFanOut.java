package io.marketmetrics.app.query;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.marketmetrics.model.Symbols;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of {@code /api/v1/stream} and the delivery of one metric record to them. A record is
 * decoded and turned into JSON only when some subscriber follows its asset, judged from its key before
 * anything else (an {@code asset-metrics} key is the symbol, a {@code market-metrics} key the market id
 * {@code exchange:BASE-QUOTE}): every instance reads every metric record, and one nobody watches must not
 * spend CPU on each of them. Who gets the decoded update is decided by its value, as before.
 */
final class UpdateFanOut {

    private static final Logger log = LoggerFactory.getLogger(UpdateFanOut.class);

    private final TopicNames topics;
    private final Deserializer<AssetMetrics> assets;
    private final Deserializer<MarketMetrics> markets;
    private final Set<StreamClient> clients = new CopyOnWriteArraySet<>();
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final AtomicLong droppedClients = new AtomicLong();

    UpdateFanOut(TopicNames topics, Deserializer<AssetMetrics> assets, Deserializer<MarketMetrics> markets) {
        this.topics = topics;
        this.assets = assets;
        this.markets = markets;
    }

    void subscribe(StreamClient client) {
        clients.add(client);
    }

    void unsubscribe(StreamClient client) {
        clients.remove(client);
    }

    int subscribers() {
        return clients.size();
    }

    /** Records decoded for some subscriber, since start. */
    long decoded() {
        return decoded.get();
    }

    /** Records some subscriber followed that could not be decoded (and were skipped), since start. */
    long undecodable() {
        return undecodable.get();
    }

    /** Subscribers dropped for not keeping up, since start. */
    long droppedClients() {
        return droppedClients.get();
    }

    /** Offers the record of {@code topic} to every subscriber that follows its asset. */
    void dispatch(String topic, String key, byte[] value) {
        boolean asset = topic.equals(topics.assetMetrics());
        if (!followed(asset ? key : Symbols.baseOfMarket(key))) {
            return;
        }
        StreamClient.Event event;
        try {
            if (asset) {
                AssetMetrics m = assets.deserialize(topic, value);
                event = new StreamClient.Event("asset", m.getSymbol(), JsonViews.string(JsonViews.asset(m)));
            } else {
                MarketMetrics m = markets.deserialize(topic, value);
                event = new StreamClient.Event("market", m.getBase(), JsonViews.string(JsonViews.market(m)));
            }
        } catch (RuntimeException | JsonProcessingException e) {
            if (undecodable.incrementAndGet() % 1000 == 1) {
                log.warn("Skipped undecodable record(s) of {} ({} so far): {}", topic, undecodable.get(), e.toString());
            }
            return;
        }
        decoded.incrementAndGet();
        for (StreamClient client : clients) {
            if (client.follows(event.symbol()) && !client.offer(event) && clients.remove(client)) {
                droppedClients.incrementAndGet();
                log.warn("Dropped a live-update subscriber that did not keep up ({} dropped so far)", droppedClients.get());
            }
        }
    }

    /** True when a subscriber follows {@code symbol}; with no symbol (an unexpected key), when there is any subscriber. */
    private boolean followed(String symbol) {
        for (StreamClient client : clients) {
            if (symbol == null || client.follows(symbol)) {
                return true;
            }
        }
        return false;
    }
}
