package io.marketmetrics.producers.cli;

import io.marketmetrics.producers.metrics.MetricsEndpoint;
import io.marketmetrics.producers.metrics.MetricsOptions;
import io.marketmetrics.producers.replay.ReplayOptions;
import io.marketmetrics.producers.replay.ReplaySource;
import io.marketmetrics.producers.replay.TradeFileFormat;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code replay --file F [--speed X|max]}: publishes a trade file. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Publish the trades of a file to the trades topic, keyed by base asset.",
            "Formats (by extension and first line, or --format): csv with the header "
                    + "timestamp,exchange,base,quote,price,quantity,trade_id,side; binance-csv "
                    + "(id,price,qty,quote_qty,time,is_buyer_maker); binance-json (aggTrades, trades, ccxt/freqtrade); "
                    + "kraken-csv (unix_seconds,price,volume). Any of them gzip-compressed."})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The trade file.")
    Path file;

    @Option(names = "--speed", paramLabel = "X|max", defaultValue = "max", converter = SpeedConverter.class,
            description = "X times real time by event time, or max for as fast as possible (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "csv, binance-csv, binance-json or kraken-csv (default: detected).")
    TradeFileFormat format;

    @Option(names = "--exchange", paramLabel = "ID",
            description = "Exchange of rows that do not name one (default: binance for Binance formats, kraken for "
                    + "kraken-csv).")
    String exchange;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "Market of rows that do not name one, e.g. BTCUSDT, XRP/ETH or BCHEUR (ccxt files name their own).")
    String symbol;

    @Option(names = "--strict", description = "Stop at the first malformed row instead of skipping and counting it.")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        ReplaySource source = new ReplaySource(new ReplayOptions(file, format, exchange, symbol, speed,
                strict));
        try (MetricsEndpoint endpoint = metrics.start()) {
            SourceRunner.run(source, kafka.target(),
                    publisher -> new ProgressReporter.Snapshot(publisher.sent(), source.progress(),
                            source.skipped() == 0 ? "" : source.skipped() + " malformed rows skipped"),
                    result -> String.format(Locale.ROOT, "%s: %,d trades published, %,d malformed rows skipped, in %.1f s%s",
                            source.describe(), result.sent(), source.skipped(), result.seconds(),
                            result.stopped() ? " (stopped before the end)" : ""));
        }
        return 0;
    }

    /** {@code --format} by its command-line name. */
    static final class FormatConverter implements ITypeConverter<TradeFileFormat> {
        @Override
        public TradeFileFormat convert(String value) {
            try {
                return TradeFileFormat.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
