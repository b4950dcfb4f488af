package io.marketmetrics.app.topology;

import java.util.EnumMap;
import java.util.Map;
import io.marketmetrics.app.topology.hygiene.RejectReason;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * The counters of what the topology drops or cannot price, as Kafka Streams metrics (rate and total) in
 * group {@value #GROUP} with tag {@code mm-id=trades}: a fixed set of names, never one per asset.
 */
public final class TradeCounters {

    public static final String GROUP = "stream-mm-metrics";
    /** The scope of every counter of the topology (the market-wide stage counts with it too). */
    public static final String SCOPE = "mm";
    private static final String ENTITY = "trades";

    private final Sensor duplicates;
    private final Sensor withoutUsdRate;
    private final Map<RejectReason, Sensor> rejected = new EnumMap<>(RejectReason.class);

    public TradeCounters(StreamsMetrics metrics) {
        this.duplicates = sensor(metrics, "duplicate-dropped");
        this.withoutUsdRate = sensor(metrics, "without-usd-rate");
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, sensor(metrics, "rejected-" + reason.name().toLowerCase().replace('_', '-')));
        }
    }

    public void duplicate() {
        duplicates.record();
    }

    public void withoutUsdRate() {
        withoutUsdRate.record();
    }

    public void rejected(RejectReason reason) {
        rejected.get(reason).record();
    }

    private static Sensor sensor(StreamsMetrics metrics, String operation) {
        return metrics.addRateTotalSensor(SCOPE, ENTITY, operation, Sensor.RecordingLevel.INFO);
    }
}
