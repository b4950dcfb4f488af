package io.marketmetrics.app.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The keys whose figures changed since the last publication, per kind, and the publication itself, which runs
 * right before every commit of the task: inside the commit's transaction, so that under exactly-once the marks
 * need no store of their own. Whatever was marked is published in the same commit as the state that changed,
 * and after a crash the replay of the uncommitted input marks it again. Publishing at the commit also ends a
 * figure's wait for its publication when the output becomes visible, instead of a punctuation and then a commit.
 * The publication may write other state that must be in the commit too (the asset stage's {@code Summaries}).
 *
 * <p>Kafka Streams has no public call before a commit. It is a state store, only so that Kafka Streams calls it:
 * before each commit ({@code StreamTask.prepareCommit}, ahead of the producer's flush and the transaction's
 * commit) it calls {@link #flushCache()} on every store of the task that implements its internal
 * {@link CachedStateStore}, as it does for its own record caches. A processor forwarding from there needs the
 * context's current node and record context set, as the caches' flush listeners and punctuations have; that
 * uses the internal {@link InternalProcessorContext} (Kafka Streams 4.3). Writes made by the publication reach
 * the changelogs before the commit only if their stores are not cached: caches flushed before this store's turn
 * would hold them until the next commit.
 *
 * <p>Marks live in memory and nothing is written to disk or a changelog; the task's processors share the one
 * instance through the store.
 *
 * @param <K> the kinds of keys, in no particular order (the publication takes them in its own order)
 */
public final class Publications<K extends Enum<K>> implements StateStore, CachedStateStore<Object, Object> {

    private final String name;
    private final Map<K, Set<String>> pending;
    private Runnable publication;
    private long lastPublishedMs;
    private boolean open;

    private Publications(String name, Class<K> kinds) {
        this.name = name;
        this.pending = new EnumMap<>(kinds);
        for (K kind : kinds.getEnumConstants()) {
            pending.put(kind, new LinkedHashSet<>());
        }
    }

    /** The builder of the store, for a processor supplier's {@code stores()}. */
    public static <K extends Enum<K>> StoreBuilder<Publications<K>> builder(String name, Class<K> kinds) {
        return new Builder<>(name, kinds);
    }

    /** Marks {@code key} of {@code kind} to be published at the next publication. */
    public void mark(K kind, String key) {
        pending.get(kind).add(key);
    }

    /** The pending keys of {@code kind}, in the order they were first marked, no longer pending. */
    public List<String> take(K kind) {
        Set<String> keys = pending.get(kind);
        List<String> taken = new ArrayList<>(keys);
        keys.clear();
        return taken;
    }

    private boolean isEmpty() {
        return pending.values().stream().allMatch(Set::isEmpty);
    }

    /**
     * Makes {@code publish} run before each commit of the task, forwarding from the processor whose {@code init}
     * calls this. While the task's input is live (its stream time at most {@code liveLag} behind the wall clock) and
     * the commit interval is longer than {@code atMost}, it also asks for a commit when marks have waited
     * {@code atMost} (wall clock) since the last publication. Input further behind is catching up (a replay, a
     * backlog): its figures wait for Kafka Streams' own commits, whose interval can then be longer than the
     * latency live figures need, so that the stream thread spends less of its time on commits. A commit asked for
     * does not restart Kafka Streams' own commit interval, so with commits as frequent as {@code atMost} anyway
     * asking would only add commits.
     */
    public void publishBeforeEachCommit(ProcessorContext<?, ?> context, Duration atMost, Duration liveLag, Runnable publish) {
        InternalProcessorContext<?, ?> internal = (InternalProcessorContext<?, ?>) context;
        ProcessorNode<?, ?, ?, ?> node = internal.currentNode();
        long atMostMs = atMost.toMillis();
        long liveLagMs = liveLag.toMillis();
        lastPublishedMs = context.currentSystemTimeMs();
        publication = () -> {
            ProcessorNode<?, ?, ?, ?> previousNode = internal.currentNode();
            ProcessorRecordContext previousRecord = internal.recordContext();
            long now = internal.currentSystemTimeMs();
            internal.setRecordContext(new ProcessorRecordContext(now, -1L, -1, null, new RecordHeaders()));
            internal.setCurrentNode(node);
            try {
                publish.run();
            } finally {
                internal.setCurrentNode(previousNode);
                internal.setRecordContext(previousRecord);
            }
            lastPublishedMs = now;
        };
        long commitIntervalMs = ((Number) context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).longValue();
        if (commitIntervalMs > atMostMs) {
            context.schedule(atMost, PunctuationType.WALL_CLOCK_TIME, now -> {
                if (now - lastPublishedMs >= atMostMs && !isEmpty() && context.currentStreamTimeMs() >= now - liveLagMs) {
                    context.commit();
                }
            });
        }
    }

    /** Kafka Streams' call before a commit: the publication. */
    @Override
    public void flushCache() {
        if (publication != null) {
            publication.run();
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void clearCache() {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> {
            throw new IllegalStateException("store " + name + " has no changelog to restore from");
        });
        open = true;
    }

    @Override
    public void close() {
        open = false;
        pending.values().forEach(Set::clear);
        publication = null;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Builds the store; it has no cache and no changelog to enable. */
    private static final class Builder<K extends Enum<K>> implements StoreBuilder<Publications<K>> {

        private final String name;
        private final Class<K> kinds;

        Builder(String name, Class<K> kinds) {
            this.name = name;
            this.kinds = kinds;
        }

        @Override
        public StoreBuilder<Publications<K>> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<Publications<K>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<Publications<K>> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("store " + name + " keeps its marks only until the next commit");
        }

        @Override
        public StoreBuilder<Publications<K>> withLoggingDisabled() {
            return this;
        }

        @Override
        public Publications<K> build() {
            return new Publications<>(name, kinds);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
