package io.marketmetrics.app.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The keys whose figures changed since the last publication, per kind, and the publication itself, which runs
 * right before every commit of the task ({@link CommitHook}): inside the commit's transaction, so that under
 * exactly-once the marks need no store of their own. Whatever was marked is published in the same commit as the
 * state that changed, and after a crash the replay of the uncommitted input marks it again. Publishing at the
 * commit also ends a figure's wait for its publication when the output becomes visible, instead of a punctuation
 * and then a commit. The publication may write other state that must be in the commit too (the asset stage's
 * {@code Summaries}), to stores that are not cached.
 *
 * <p>Marks live in memory and nothing is written to disk or a changelog; the task's processors share the one
 * instance through the store.
 *
 * @param <K> the kinds of keys, in no particular order (the publication takes them in its own order)
 */
public final class Publications<K extends Enum<K>> extends CommitHook {

    private final Map<K, Set<String>> pending;
    private long lastPublishedMs;

    private Publications(String name, Class<K> kinds) {
        super(name);
        this.pending = new EnumMap<>(kinds);
        for (K kind : kinds.getEnumConstants()) {
            pending.put(kind, new LinkedHashSet<>());
        }
    }

    /** The builder of the store, for a processor supplier's {@code stores()}. */
    public static <K extends Enum<K>> StoreBuilder<Publications<K>> builder(String name, Class<K> kinds) {
        return new Builder<>(name, n -> new Publications<>(n, kinds));
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
        long atMostMs = atMost.toMillis();
        long liveLagMs = liveLag.toMillis();
        lastPublishedMs = context.currentSystemTimeMs();
        beforeEachCommit(context, () -> {
            long now = context.currentSystemTimeMs();
            publish.run();
            lastPublishedMs = now;
        });
        long commitIntervalMs = ((Number) context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).longValue();
        if (commitIntervalMs > atMostMs) {
            context.schedule(atMost, PunctuationType.WALL_CLOCK_TIME, now -> {
                if (now - lastPublishedMs >= atMostMs && !isEmpty() && context.currentStreamTimeMs() >= now - liveLagMs) {
                    context.commit();
                }
            });
        }
    }

    @Override
    public void close() {
        super.close();
        pending.values().forEach(Set::clear);
    }
}
