package io.marketmetrics.app.topology;

import static io.marketmetrics.app.topology.MetricsDriver.trade;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.marketmetrics.app.topology.hygiene.DeadLetterHandler;
import io.marketmetrics.schema.ExchangeReference;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Two bad records the fault tests (app/faults/BadInputTest) found stalling a real application: a record of
 * another schema on the trades topic, and an invalid trade dated ahead of its partition.
 */
class RecordsThatMustNotStallTest {

    private static final long T0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;

    @Test
    void aRecordOfAnotherSchemaIsSkippedAndLaterTradesCount() {
        try (MetricsDriver d = new MetricsDriver()) {
            byte[] exchange = AvroSerdes.<ExchangeReference>value(d.config).serializer().serialize(d.config.topics().exchangeReference(),
                    ExchangeReference.newBuilder().setId("binance").setName("Binance").setTradeUrl(null).build());
            // Before the fix: a ClassCastException out of the hygiene step, fatal to the stream thread. Now a
            // deserialization error, skipped (the test driver does not hand over the dead letter its handler
            // sends; BadInputTest reads it from a real broker).
            d.pipeRaw("BTC", exchange);

            d.pipe(trade("binance:BTC-USDT", 100, 2, "1", T0));
            assertThat(d.assets.get("BTC").getVolume24hBase()).isEqualTo(2.0);
        }
    }

    @Test
    void anInvalidTradeDatedAheadDoesNotMakeLaterTradesLate() {
        try (MetricsDriver d = new MetricsDriver()) {
            d.pipe(trade("binance:BTC-USDT", 100, 1, "1", T0));
            // Invalid (price NaN, symbol with a space), each dated an hour ahead: neither may move stream time.
            d.pipe(trade("binance:BTC-USDT", Double.NaN, 1, "nan", T0 + 60 * MIN));
            d.pipe("BT C", trade("binance:BT C-USDT", 100, 1, "symbol", T0 + 60 * MIN));
            assertThat(d.deadLetters()).extracting(RecordsThatMustNotStallTest::reason)
                    .containsExactly("INVALID_PRICE", "INVALID_SYMBOL");

            d.pipe(trade("binance:BTC-USDT", 100, 3, "2", T0 + MIN)); // 59 minutes behind the invalid ones: not late
            assertThat(d.deadLetters()).isEmpty();
            assertThat(d.assets.get("BTC").getVolume24hBase()).isEqualTo(4.0);
        }
    }

    private static String reason(TestRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader(DeadLetterHandler.REASON_HEADER).value(), StandardCharsets.UTF_8);
    }
}
