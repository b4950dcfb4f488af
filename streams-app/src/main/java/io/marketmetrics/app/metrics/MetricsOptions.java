package io.marketmetrics.app.metrics;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** The metrics options of the {@code run} and {@code demo} commands (a picocli mixin): what {@link MetricsSettings} holds. */
public final class MetricsOptions {

    @Option(names = "--watch-assets", paramLabel = "SYMBOL,...", split = ",",
            description = "Assets with business gauges at /metrics (default: every index token and the top --watch-top by rank). "
                    + "Env: MM_WATCH_ASSETS.")
    List<String> watchAssets = new ArrayList<>();

    @Option(names = "--watch-top", paramLabel = "N", defaultValue = "" + MetricsSettings.DEFAULT_TOP_ASSETS,
            description = "How many top-ranked assets the default watch list takes (default: ${DEFAULT-VALUE}). Env: MM_WATCH_TOP.")
    int watchTop;

    @Option(names = "--max-venues", paramLabel = "N", defaultValue = "" + MetricsSettings.DEFAULT_MAX_VENUES,
            description = "At most this many venues get a feed-age gauge (default: ${DEFAULT-VALUE}). Env: MM_MAX_VENUES.")
    int maxVenues;

    public MetricsSettings settings() {
        MetricsSettings defaults = MetricsSettings.defaults();
        return new MetricsSettings(watchAssets, watchTop, defaults.maxWatched(), maxVenues, defaults.refresh());
    }
}
