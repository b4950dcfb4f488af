package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.serde.MockSchemaRegistry;
import io.marketmetrics.serde.SpecificAvroSerde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the live feed spends per metric record: nothing while no subscriber follows the record's asset. A record
 * whose value is not Avro at all shows it: decoding it would count it as undecodable, so a count of zero after
 * such records proves they were never decoded.
 */
class UpdateFanOutTest {

    private static final String SCOPE = "update-fan-out-test";
    private static final byte[] NOT_AVRO = "not an Avro record".getBytes(StandardCharsets.UTF_8);
    private static final String ASSETS = FiguresFixture.TOPICS.assetMetrics();
    private static final String MARKETS = FiguresFixture.TOPICS.marketMetrics();

    private final SpecificAvroSerde<AssetMetrics> assets = FiguresTopology.serde(MockSchemaRegistry.MOCK_URL_PREFIX + SCOPE);
    private final SpecificAvroSerde<MarketMetrics> markets = FiguresTopology.serde(MockSchemaRegistry.MOCK_URL_PREFIX + SCOPE);
    private final UpdateFanOut fanOut = new UpdateFanOut(FiguresFixture.TOPICS, assets.deserializer(), markets.deserializer());

    @Test
    void withoutSubscribersNothingIsDecoded() {
        fanOut.dispatch(ASSETS, "BTC", NOT_AVRO);
        fanOut.dispatch(MARKETS, "binance:BTC-USDT", NOT_AVRO);
        fanOut.dispatch(ASSETS, null, NOT_AVRO);
        fanOut.dispatch(ASSETS, "ETH", asset(1));

        assertThat(fanOut.undecodable()).isZero();
        assertThat(fanOut.decoded()).isZero();
    }

    @Test
    void onlyRecordsOfAFollowedAssetAreDecodedAndDelivered() throws Exception {
        StreamClient eth = new StreamClient(Set.of("ETH"), 16);
        fanOut.subscribe(eth);

        fanOut.dispatch(ASSETS, "BTC", NOT_AVRO);
        fanOut.dispatch(MARKETS, "binance:BTC-USDT", NOT_AVRO);
        fanOut.dispatch(ASSETS, "BTC", asset(0));
        assertThat(fanOut.undecodable()).isZero();
        assertThat(fanOut.decoded()).isZero();

        fanOut.dispatch(ASSETS, "ETH", NOT_AVRO);
        assertThat(fanOut.undecodable()).isEqualTo(1);

        fanOut.dispatch(ASSETS, "ETH", asset(1));
        fanOut.dispatch(MARKETS, "coinbase:ETH-USD", market(1, 1));
        assertThat(fanOut.decoded()).isEqualTo(2);
        List<StreamClient.Event> events = drain(eth);
        assertThat(events).extracting(StreamClient.Event::name).containsExactly("asset", "market");
        assertThat(events).extracting(StreamClient.Event::symbol).containsOnly("ETH");
        // Asset 1 of the fixture: price 100 + 1; its coinbase market coinbase:ETH-USD.
        assertThat(events.get(0).data()).contains("\"symbol\":\"ETH\"", "\"priceUsd\":101.0");
        assertThat(events.get(1).data()).contains("\"market\":\"coinbase:ETH-USD\"");

        fanOut.unsubscribe(eth);
        fanOut.dispatch(ASSETS, "ETH", NOT_AVRO);
        assertThat(fanOut.undecodable()).isEqualTo(1);
    }

    @Test
    void aKeyThatNamesNoAssetIsDecodedAndDeliveredByItsValue() throws Exception {
        StreamClient eth = new StreamClient(Set.of("ETH"), 16);
        fanOut.subscribe(eth);

        fanOut.dispatch(ASSETS, null, asset(0));
        fanOut.dispatch(MARKETS, "no market id", market(1, 1));

        assertThat(fanOut.decoded()).isEqualTo(2);
        assertThat(drain(eth)).extracting(StreamClient.Event::name).containsExactly("market");
    }

    @Test
    void aSubscriberOfEveryAssetGetsEveryRecord() throws Exception {
        StreamClient all = new StreamClient(Set.of(), 16);
        fanOut.subscribe(all);

        fanOut.dispatch(ASSETS, "BTC", asset(0));
        fanOut.dispatch(MARKETS, "kraken:SOL-EUR", market(2, 2));

        assertThat(drain(all)).extracting(StreamClient.Event::symbol).containsExactly("BTC", "SOL");
    }

    private byte[] asset(int i) {
        return assets.serializer().serialize(ASSETS, FiguresFixture.asset(i));
    }

    /** Market {@code m} (0 binance, 1 coinbase, 2 kraken) of asset i. */
    private byte[] market(int i, int m) {
        return markets.serializer().serialize(MARKETS, FiguresFixture.markets(i).get(m));
    }

    private static List<StreamClient.Event> drain(StreamClient client) throws InterruptedException {
        List<StreamClient.Event> events = new ArrayList<>();
        for (StreamClient.Event e = client.next(0); e != null; e = client.next(0)) {
            events.add(e);
        }
        return events;
    }

    @AfterEach
    void dropRegistry() {
        assets.close();
        markets.close();
        MockSchemaRegistry.dropScope(SCOPE);
    }
}
