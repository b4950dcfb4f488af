package io.marketmetrics.producers.replay;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to replay and how.
 *
 * @param file the trade file, optionally gzip-compressed
 * @param format its format, or null to detect it from the name and first line
 * @param exchange the exchange of formats whose rows do not name one, or null for the format's (binance, kraken)
 * @param symbol the venue symbol of formats whose rows do not name their market (e.g. BTCUSDT), or null
 * @param speed times real time; {@link io.marketmetrics.producers.Pacer#MAX} for as fast as possible
 * @param strict stop at the first malformed row instead of skipping and counting it
 */
public record ReplayOptions(Path file, TradeFileFormat format, String exchange, String symbol, double speed,
        boolean strict) {

    public ReplayOptions {
        Objects.requireNonNull(file, "file");
    }
}
