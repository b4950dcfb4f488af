package io.marketmetrics.app.topology;

import static io.marketmetrics.app.topology.MetricsDriver.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.app.topology.hygiene.DeadLetterHandler;
import io.marketmetrics.app.topology.hygiene.HygieneStage;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.Trade;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Input hygiene of METRICS.md: every invalid kind, late, duplicate, out of order within grace. */
class HygieneTest {

    private static final long T0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;

    private static Trade valid(String id, long time) {
        return trade("binance:BTC-USDT", 100, 1, id, time);
    }

    private static Trade changed(String id, Consumer<Trade> change) {
        Trade t = valid(id, T0 + MIN);
        change.accept(t);
        return t;
    }

    @Test
    void everyInvalidKindGoesToTheDeadLetterTopicWithItsReasonAndOriginalBytesAndMovesNoFigure() {
        try (MetricsDriver d = new MetricsDriver()) {
            d.pipe(valid("ok", T0));
            Map<String, AssetMetrics> assetsBefore = Map.copyOf(d.assets);
            Map<String, MarketMetrics> marketsBefore = Map.copyOf(d.markets);
            Map<String, Trade> invalid = new java.util.LinkedHashMap<>();
            invalid.put("INVALID_PRICE", changed("p0", t -> t.setPrice(0.0)));
            invalid.put("INVALID_PRICE ", changed("pn", t -> t.setPrice(-5.0)));
            invalid.put("INVALID_PRICE  ", changed("pnan", t -> t.setPrice(Double.NaN)));
            invalid.put("INVALID_PRICE   ", changed("pinf", t -> t.setPrice(Double.POSITIVE_INFINITY)));
            invalid.put("INVALID_QUANTITY", changed("q0", t -> t.setQuantity(0.0)));
            invalid.put("INVALID_QUANTITY ", changed("qnan", t -> t.setQuantity(Double.NaN)));
            invalid.put("INVALID_EXCHANGE", changed("ex", t -> t.setExchange("Binance")));
            invalid.put("INVALID_SYMBOL", changed("q", t -> t.setQuote("usdt")));
            invalid.put("SAME_BASE_AND_QUOTE", changed("same", t -> t.setQuote("BTC")));
            invalid.put("TIME_BEFORE_2009", changed("old", t -> t.setEventTime(Instant.parse("2009-01-02T23:59:59Z"))));
            invalid.put("TIME_IN_FUTURE", changed("future", t -> t.setEventTime(Instant.now().plusSeconds(600))));
            for (Map.Entry<String, Trade> e : invalid.entrySet()) {
                d.pipe(e.getValue());
                List<TestRecord<byte[], byte[]>> letters = d.deadLetters();
                assertThat(letters).hasSize(1);
                TestRecord<byte[], byte[]> letter = letters.get(0);
                assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).isEqualTo(e.getKey().trim());
                assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("BTC");
                assertThat(letter.value()).isEqualTo(AvroSerdes.<Trade>value(d.config).serializer().serialize("trades", e.getValue()));
                assertThat(header(letter, "__streams.errors.topic")).isEqualTo("trades");
                assertThat(d.assets).isEqualTo(assetsBefore);
                assertThat(d.markets).isEqualTo(marketsBefore);
            }
            // Keyed by another asset than its base: its asset's state lives in another partition.
            d.pipe("ETH", valid("wrong-key", T0 + MIN));
            assertThat(header(d.deadLetters().get(0), DeadLetterHandler.REASON_HEADER)).isEqualTo("KEY_NOT_BASE");
            d.pipeRaw("BTC", null);
            assertThat(header(d.deadLetters().get(0), DeadLetterHandler.REASON_HEADER)).isEqualTo("MISSING_VALUE");
            // Bytes that are no Trade: skipped and counted by Kafka Streams (the dead letter's content is
            // DeadLetterHandlerTest's: the test driver does not hand over what its deserializer sends).
            d.pipeRaw("BTC", "not avro".getBytes(StandardCharsets.UTF_8));
            d.pipe(valid("next", T0 + MIN));

            assertThat(d.counter("rejected-invalid-price-total")).isEqualTo(4.0);
            assertThat(d.assets.get("BTC").getVolume24hBase()).isEqualTo(2.0); // "ok" and "next" only
            assertThat(d.markets.get("binance:BTC-USDT").getTradeCount24h()).isEqualTo(2);
            assertThat(d.counter("rejected-invalid-price-total")).isEqualTo(4.0);
            assertThat(d.counter("rejected-invalid-quantity-total")).isEqualTo(2.0);
            assertThat(d.counter("rejected-time-in-future-total")).isEqualTo(1.0);
            assertThat(d.counter("rejected-key-not-base-total")).isEqualTo(1.0);
            // The future trade did not move stream time, or "next" would have been late.
            assertThat(d.deadLetters()).isEmpty();
        }
    }

    @Test
    void duplicatesAreDroppedAndCountedWithinTheWindowOnly() {
        try (MetricsDriver d = new MetricsDriver()) {
            d.pipe(valid("1", T0));
            d.pipe(valid("1", T0));
            d.pipe(trade("binance:BTC-USDT", 101, 3, "1", T0 + 30 * MIN)); // same id, within the hour
            assertThat(d.counter("duplicate-dropped-total")).isEqualTo(2.0);
            assertThat(d.markets.get("binance:BTC-USDT").getTradeCount24h()).isEqualTo(1);
            assertThat(d.assets.get("BTC").getVolume24hBase()).isEqualTo(1.0);
            assertThat(d.deadLetters()).isEmpty();
            // Same id on another market is another trade.
            d.pipe(trade("kraken:BTC-USDT", 100, 1, "1", T0 + 31 * MIN));
            assertThat(d.assets.get("BTC").getVolume24hBase()).isEqualTo(2.0);
            // More than an hour of event time later, the id is forgotten.
            d.pipe(valid("x", T0 + 62 * MIN));
            d.pipe(valid("1", T0 + 62 * MIN));
            assertThat(d.markets.get("binance:BTC-USDT").getTradeCount24h()).isEqualTo(3);
            assertThat(d.counter("duplicate-dropped-total")).isEqualTo(2.0);
        }
    }

    @Test
    void theWindowIsExactAcrossTheStoresHourBuckets() {
        try (MetricsDriver d = new MetricsDriver()) {
            d.pipe(valid("a", T0 + 50 * MIN));
            d.pipe(valid("b", T0 + 55 * MIN));
            // 20 minutes later, in the next hour: "a" is within the window, though stored in the hour before.
            d.pipe(valid("a", T0 + 70 * MIN));
            assertThat(d.counter("duplicate-dropped-total")).isEqualTo(1.0);
            // At 1:56, "b" (0:55) is in the same stored hour as the window's start (0:56), but before it.
            d.pipe(valid("b", T0 + 116 * MIN));
            assertThat(d.counter("duplicate-dropped-total")).isEqualTo(1.0);
            assertThat(d.markets.get("binance:BTC-USDT").getTradeCount24h()).isEqualTo(3);
        }
    }

    @Test
    void idsStoredInTheFormerLayoutsAreRecognizedWithinTheWindow() {
        try (MetricsDriver d = new MetricsDriver()) {
            WindowStore<String, byte[]> store = d.driver.getWindowStore(HygieneStage.ACCEPTED_TRADE_IDS);
            // First an id was stored at its own event time, with an empty value.
            store.put("binance:BTC-USDT old", new byte[0], T0 + 10 * MIN);
            // Then at the start of its hour, with its event time as value.
            store.put("binance:BTC-USDT hourly", ByteBuffer.allocate(Long.BYTES).putLong(T0 + 15 * MIN).array(), T0);
            store.put("binance:BTC-USDT gone", ByteBuffer.allocate(Long.BYTES).putLong(T0 + 5 * MIN).array(), T0);
            d.pipe(valid("new", T0 + 20 * MIN));
            d.pipe(valid("old", T0 + 30 * MIN));
            d.pipe(valid("hourly", T0 + 70 * MIN));
            // Accepted at 0:05, out of the window at 1:10.
            d.pipe(valid("gone", T0 + 70 * MIN));
            assertThat(d.counter("duplicate-dropped-total")).isEqualTo(2.0);
            assertThat(d.markets.get("binance:BTC-USDT").getTradeCount24h()).isEqualTo(2);
        }
    }

    @Test
    void lateTradesGoToTheDeadLetterTopicAndOutOfOrderOnesWithinGraceLandInTheirOwnBucket() {
        try (MetricsDriver d = new MetricsDriver()) {
            d.pipe(trade("binance:BTC-USDT", 100, 1, "1", T0));
            d.pipe(trade("binance:BTC-USDT", 110, 1, "2", T0 + 10 * MIN));
            d.pipe(trade("binance:BTC-USDT", 50, 7, "late", T0 + 5 * MIN - 1)); // 5 min + 1 ms behind
            TestRecord<byte[], byte[]> letter = d.deadLetters().get(0);
            assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).isEqualTo("LATE");
            assertThat(d.counter("rejected-late-total")).isEqualTo(1.0);
            assertThat(d.assets.get("BTC").getVolume24hBase()).isEqualTo(2.0);

            d.pipe(trade("binance:BTC-USDT", 90, 3, "ooo", T0 + 5 * MIN)); // exactly at the grace limit
            assertThat(d.deadLetters()).isEmpty();
            MarketMetrics m = d.markets.get("binance:BTC-USDT");
            assertThat(m.getVolume24hBase()).isEqualTo(5.0);
            assertThat(m.getLow24h()).isEqualTo(90.0);
            assertThat(m.getLastPrice()).isEqualTo(110.0); // not the trade with the largest event time
            assertThat(m.getLastTradeTime()).isEqualTo(Instant.ofEpochMilli(T0 + 10 * MIN));
            // Its minute's candle (minute 5) becomes final at 6 min + grace; its price did not move the asset's.
            d.pipe(trade("binance:BTC-USDT", 110, 1, "3", T0 + 11 * MIN));
            // Market candles for minutes 0 and 5; the asset's minute 5 had volume but no evaluation: no candle.
            assertThat(d.candles1m()).extracting(c -> c.getSubject() + "@" + (c.getStart().toEpochMilli() - T0) / MIN)
                    .containsExactly("binance:BTC-USDT@0", "BTC@0", "binance:BTC-USDT@5");
            assertThat(d.assets.get("BTC").getPriceUsd()).isEqualTo(110.0);
            assertThat(d.assets.get("BTC").getLow24hUsd()).isEqualTo(100.0);
        }
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
