package io.marketmetrics.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreProgressTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RestoreProgress progress = new RestoreProgress(now::get);

    @Test
    void countsTheRecordsReplayedPerStoreOverAllItsPartitions() {
        TopicPartition timers0 = new TopicPartition("app-timers-store-changelog", 0);
        TopicPartition timers1 = new TopicPartition("app-timers-store-changelog", 1);
        TopicPartition state0 = new TopicPartition("app-asset-state-store-changelog", 0);
        progress.onRestoreStart(timers0, "timers-store", 0, 700);
        progress.onRestoreStart(timers1, "timers-store", 100, 400);
        progress.onRestoreStart(state0, "asset-state-store", 5, 5);
        progress.onBatchRestored(timers0, "timers-store", 500, 500);
        progress.onBatchRestored(timers1, "timers-store", 400, 300);
        now.addAndGet(RestoreProgress.PROGRESS_EVERY_MS); // a progress line, counted the same
        progress.onBatchRestored(timers0, "timers-store", 700, 200);
        progress.onRestoreEnd(timers0, "timers-store", 700);
        progress.onRestoreEnd(timers1, "timers-store", 300);
        progress.onRestoreEnd(state0, "asset-state-store", 0);

        assertThat(progress.restoredByStore()).isEqualTo(Map.of("timers-store", 1_000L));
    }

    @Test
    void nothingReplayedIsAnEmptyMap() {
        assertThat(progress.restoredByStore()).isEmpty();
    }
}
