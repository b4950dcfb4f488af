package io.marketmetrics.app.topology.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.app.testing.RocksDbStores;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Summaries as objects in front of a real RocksDB store, whose reads and writes are recorded. */
class SummariesTest {

    @TempDir
    Path stateDir;
    private KeyValueStore<String, String> store;
    private final List<String> calls = new ArrayList<>();
    private KeyValueStore<String, String> recorded;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void open() {
        store = RocksDbStores.keyValue(stateDir, "summaries", Serdes.String(), Serdes.String());
        recorded = (KeyValueStore<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + " " + args[0]);
                    return method.invoke(store, args);
                });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSummaryChangedSeveralTimesIsWrittenOnceAtTheFlush() {
        Summaries<String> summaries = new Summaries<>(recorded, 10);
        summaries.put("BTC", "1");
        summaries.put("BTC", "2");
        summaries.put("ETH", "x");
        assertThat(summaries.get("BTC")).isEqualTo("2");
        assertThat(calls).as("nothing written before the flush, nothing read back").isEmpty();
        assertThat(store.get("BTC")).isNull();

        summaries.flush();
        assertThat(calls).containsExactlyInAnyOrder("put BTC", "put ETH");
        assertThat(store.get("BTC")).isEqualTo("2");
        assertThat(store.get("ETH")).isEqualTo("x");

        calls.clear();
        summaries.flush();
        assertThat(calls).as("nothing changed since").isEmpty();
    }

    @Test
    void aSummaryIsReadFromTheStoreOnce() {
        store.put("BTC", "stored");
        Summaries<String> summaries = new Summaries<>(recorded, 10);
        assertThat(summaries.get("BTC")).isEqualTo("stored");
        assertThat(summaries.get("BTC")).isEqualTo("stored");
        assertThat(summaries.get("SOL")).isNull();
        assertThat(summaries.get("SOL")).isNull();
        assertThat(calls).containsExactly("get BTC", "get SOL", "get SOL");
    }

    @Test
    void pastTheCapacityOnlyUnchangedObjectsAreDroppedTheLeastRecentlyReadFirst() {
        Summaries<String> summaries = new Summaries<>(recorded, 2);
        summaries.put("A", "a");
        summaries.put("B", "b");
        summaries.put("C", "c");
        assertThat(summaries.get("A")).as("changed and not written yet: kept beyond the capacity").isEqualTo("a");
        summaries.flush();

        // B was read least recently: dropped; A and C are still objects. Changing the store behind them shows which.
        store.put("A", "a2");
        store.put("B", "b2");
        store.put("C", "c2");
        calls.clear();
        assertThat(summaries.get("A")).isEqualTo("a");
        assertThat(summaries.get("C")).isEqualTo("c");
        assertThat(summaries.get("B")).isEqualTo("b2");
        assertThat(calls).containsExactly("get B");
    }
}
