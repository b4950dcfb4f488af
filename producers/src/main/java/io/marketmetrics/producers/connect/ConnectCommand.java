package io.marketmetrics.producers.connect;

import io.marketmetrics.cli.UserError;
import io.marketmetrics.producers.cli.KafkaOptions;
import io.marketmetrics.producers.cli.ProgressReporter;
import io.marketmetrics.producers.cli.SourceRunner;
import io.marketmetrics.producers.metrics.MetricsEndpoint;
import io.marketmetrics.producers.metrics.MetricsOptions;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connect EXCHANGE --symbols S,... [--url WS_URL]}: streams a venue's live trades into Kafka. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Stream the live trades of one venue from its public WebSocket and publish them to the trades "
                + "topic, keyed by base asset. Reconnects (exponential backoff with jitter) and resubscribes until "
                + "stopped with Ctrl-C.",
            "EXCHANGE: binance (spot), coinbase (Advanced Trade), kraken (WebSocket v2), okx (v5, spot), "
                    + "bybit (v5, spot)."})
public final class ConnectCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @Parameters(index = "0", paramLabel = "EXCHANGE", description = "binance, coinbase, kraken, okx or bybit.")
    String exchange;

    @Option(names = "--symbols", paramLabel = "S,...", split = ",",
            description = "The venue's own symbols: BTCUSDT (binance, bybit), BTC-USD (coinbase, okx), BTC/USD (kraken); "
                    + "BASE-QUOTE works for every venue. Required. Env: MM_SYMBOLS.")
    List<String> symbols;

    @Option(names = "--url", paramLabel = "WS_URL",
            description = "WebSocket URL instead of the venue's official endpoint (default: the official one). Env: MM_URL.")
    URI url;

    @Override
    public Integer call() throws Exception {
        if (symbols == null || symbols.isEmpty()) {
            throw UserError.usage("--symbols is required, e.g. --symbols BTCUSDT,ETHUSDT");
        }
        // The meters go to the process-wide registry, where a metrics endpoint can find them; the simple
        // registry added here is what the progress line reads.
        Metrics.addRegistry(new SimpleMeterRegistry());
        VenueConnector connector;
        try {
            connector = new VenueConnector(Venues.byId(exchange), symbols, url, ConnectionSettings.defaults(),
                    Metrics.globalRegistry);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        System.err.printf(Locale.ROOT, "%s (Ctrl-C to stop)%n", connector.describe());
        try (MetricsEndpoint endpoint = metrics.start()) {
            SourceRunner.run(connector, kafka.target(),
                    publisher -> new ProgressReporter.Snapshot(publisher.sent(), Double.NaN, connector.health()),
                    result -> {
                        String health = connector.health();
                        return String.format(Locale.ROOT, "%s: %,d trades published in %.1f s%s", connector.describe(),
                                result.sent(), result.seconds(), health.isEmpty() ? "" : " (" + health + ")");
                    });
        }
        return 0;
    }
}
