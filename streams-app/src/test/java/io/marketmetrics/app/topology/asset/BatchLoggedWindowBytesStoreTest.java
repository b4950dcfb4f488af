package io.marketmetrics.app.topology.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.internals.WindowKeySchema;
import org.junit.jupiter.api.Test;

/**
 * A batch record read back from the changelog becomes the records of the puts it holds, as Kafka Streams' change
 * logging would have written them, with the batch's offset; other records pass as they are. The store itself on a
 * real broker, restored from its changelog after the state is lost, is proven by {@code CrashRecoveryTest}.
 */
class BatchLoggedWindowBytesStoreTest {

    private static final String TOPIC = "app-candles-1m-store-changelog";

    @Test
    void aBatchBecomesThePutsItHoldsInOrderWithDeletionsAndItsOffset() {
        Codec.Out batch = new Codec.Out();
        BatchLoggedWindowBytesStore.append(batch, key("BTC"), 60_000, new byte[] {1, 2});
        BatchLoggedWindowBytesStore.append(batch, key("binance:BTC-USDT"), 120_000, new byte[] {3});
        BatchLoggedWindowBytesStore.append(batch, key(""), 120_000, null);
        BatchLoggedWindowBytesStore.append(batch, key("BTC"), 60_000, new byte[] {4});
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPIC, 2, 41,
                BatchLoggedWindowBytesStore.batchKey(120_000, 7).get(), batch.toByteArray());

        List<ConsumerRecord<byte[], byte[]>> puts = BatchLoggedWindowBytesStore.unbatched(List.of(record));

        assertThat(puts).extracting(ConsumerRecord::offset).containsOnly(41L);
        assertThat(puts).extracting(ConsumerRecord::partition).containsOnly(2);
        assertThat(puts).extracting(r -> Bytes.wrap(r.key())).containsExactly(
                storeKey("BTC", 60_000), storeKey("binance:BTC-USDT", 120_000), storeKey("", 120_000),
                storeKey("BTC", 60_000));
        assertThat(puts).extracting(ConsumerRecord::value)
                .containsExactly(new byte[] {1, 2}, new byte[] {3}, null, new byte[] {4});
    }

    @Test
    void recordsOfTheFormerLayoutPassAsTheyAre() {
        ConsumerRecord<byte[], byte[]> former = new ConsumerRecord<>(TOPIC, 0, 5, storeKey("BTC", 60_000).get(),
                new byte[] {9});
        ConsumerRecord<byte[], byte[]> marker = new ConsumerRecord<>(TOPIC, 0, 6, storeKey("", 60_000).get(), null);

        assertThat(BatchLoggedWindowBytesStore.unbatched(List.of(former, marker))).containsExactly(former, marker);
    }

    @Test
    void aBatchOfAnUnknownFormatIsAnError() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPIC, 0, 5,
                BatchLoggedWindowBytesStore.batchKey(60_000, 0).get(), new byte[] {99});

        assertThatThrownBy(() -> BatchLoggedWindowBytesStore.unbatched(List.of(record)))
                .hasMessageContaining("unknown format").hasMessageContaining("offset 5");
    }

    private static Bytes key(String subject) {
        return Bytes.wrap(subject.getBytes(StandardCharsets.UTF_8));
    }

    private static Bytes storeKey(String subject, long start) {
        return WindowKeySchema.toStoreKeyBinary(key(subject), start, 0);
    }
}
