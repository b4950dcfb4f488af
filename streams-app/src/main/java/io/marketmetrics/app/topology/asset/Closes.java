package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.HourlyCloses;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An asset's hourly closes (its sparkline and the 7d change's reference). The current hour's close changes with
 * every evaluation and lives in the asset's summary ({@link AssetState#closeHour}, {@link AssetState#close});
 * the completed hours change once an hour and live in a store of their own, written when the hour ends. The
 * summary is rewritten (serialized, and sent to its changelog at each commit) for nearly every trade, so it
 * stays small; before, it carried all 169 closes.
 */
final class Closes {

    private final KeyValueStore<String, HourlyCloses> completed;
    private final int hours;

    /** @param hours the sparkline's length in hours */
    Closes(KeyValueStore<String, HourlyCloses> completed, int hours) {
        this.completed = completed;
        this.hours = hours;
    }

    /** Moves the asset's current hour forward to {@code hour} (never back); the hour that ends joins the stored ones. */
    void advanceTo(String symbol, AssetState as, long hour) {
        if (as.closeHour == Long.MIN_VALUE) {
            as.closeHour = hour;
        } else if (hour > as.closeHour) {
            HourlyCloses stored = stored(symbol);
            stored.record(as.closeHour, as.close);
            completed.put(symbol, stored);
            as.closeHour = hour;
        }
    }

    /** Records an evaluation's price in {@code hour} (never before the current hour). */
    void record(String symbol, AssetState as, long hour, double price) {
        advanceTo(symbol, as, hour);
        as.close = price;
    }

    /** All the closes up to the current hour's, as {@link HourlyCloses} (a copy: changing it changes nothing). */
    HourlyCloses of(String symbol, AssetState as) {
        HourlyCloses all = stored(symbol);
        if (as.closeHour != Long.MIN_VALUE) {
            all.record(as.closeHour, as.close);
        }
        return all;
    }

    /**
     * Moves the closes of a summary read from layout 1 to the store (they are not written back with it); the
     * current hour is then in both, which {@link HourlyCloses#record} allows.
     */
    void migrate(String symbol, AssetState as) {
        if (as.legacyCloses != null) {
            completed.put(symbol, as.legacyCloses);
            as.legacyCloses = null;
        }
    }

    private HourlyCloses stored(String symbol) {
        HourlyCloses stored = completed.get(symbol);
        return stored == null ? new HourlyCloses(hours) : stored;
    }

    /** The serde of the stored closes: the last hour, then the closes, oldest first. */
    static Serde<HourlyCloses> serde() {
        return Codec.serde((out, c) -> out.writeLong(c.lastHour()).writeDoubles(c.closes()),
                in -> new HourlyCloses(in.readLong(), in.readDoubles()));
    }
}
