package io.marketmetrics.app.topology;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 * A call right before every commit of a task, inside the commit's transaction: what a processor writes or forwards
 * from it is part of the commit. Kafka Streams has no public call before a commit. This is a state store, only so
 * that Kafka Streams calls it: before each commit ({@code StreamTask.prepareCommit}, ahead of the producer's flush
 * and the transaction's commit) it calls {@link #flushCache()} on every store of the task that implements its
 * internal {@link CachedStateStore}, as it does for its own record caches. Writing to a store's changelog or
 * forwarding from there needs the context's current node and record context set, as the caches' flush listeners
 * and punctuations have; that uses the internal {@link InternalProcessorContext} (Kafka Streams 4.3). Writes reach
 * the changelogs before the commit only if their stores are not cached: caches flushed before this store's turn
 * would hold them until the next commit.
 *
 * <p>It holds nothing on disk or in a changelog; a task's processors share the one instance through the store.
 */
public class CommitHook implements StateStore, CachedStateStore<Object, Object> {

    private final String name;
    private Runnable beforeCommit;
    private boolean open;

    protected CommitHook(String name) {
        this.name = name;
    }

    /** The builder of the store, for a processor supplier's {@code stores()}. */
    public static StoreBuilder<CommitHook> builder(String name) {
        return new Builder<>(name, CommitHook::new);
    }

    /**
     * Makes {@code action} run right before each commit of the task, as if by the processor whose {@code init}
     * calls this (it may forward), with a record context of the wall-clock time. It replaces any earlier action.
     */
    public void beforeEachCommit(ProcessorContext<?, ?> context, Runnable action) {
        InternalProcessorContext<?, ?> internal = (InternalProcessorContext<?, ?>) context;
        ProcessorNode<?, ?, ?, ?> node = internal.currentNode();
        beforeCommit = () -> {
            ProcessorNode<?, ?, ?, ?> previousNode = internal.currentNode();
            ProcessorRecordContext previousRecord = internal.recordContext();
            internal.setRecordContext(new ProcessorRecordContext(internal.currentSystemTimeMs(), -1L, -1, null, new RecordHeaders()));
            internal.setCurrentNode(node);
            try {
                action.run();
            } finally {
                internal.setCurrentNode(previousNode);
                internal.setRecordContext(previousRecord);
            }
        };
    }

    /** Kafka Streams' call before a commit. */
    @Override
    public final void flushCache() {
        if (beforeCommit != null) {
            beforeCommit.run();
        }
    }

    @Override
    public final boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public final void clearCache() {
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> {
            throw new IllegalStateException("store " + name + " has no changelog to restore from");
        });
        open = true;
    }

    @Override
    public void close() {
        open = false;
        beforeCommit = null;
    }

    @Override
    public final boolean persistent() {
        return false;
    }

    @Override
    public final boolean isOpen() {
        return open;
    }

    /** Builds a hook (or a store built on one); it has no cache and no changelog to enable. */
    static final class Builder<S extends CommitHook> implements StoreBuilder<S> {

        private final String name;
        private final Function<String, S> factory;

        Builder(String name, Function<String, S> factory) {
            this.name = name;
            this.factory = factory;
        }

        @Override
        public StoreBuilder<S> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<S> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("store " + name + " keeps nothing past a commit");
        }

        @Override
        public StoreBuilder<S> withLoggingDisabled() {
            return this;
        }

        @Override
        public S build() {
            return factory.apply(name);
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
