package io.marketmetrics.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class MetricsOptionsTest {

    @Command(name = "test")
    static final class Host {
        @Mixin
        MetricsOptions metrics;
    }

    private static MetricsSettings parse(String... args) {
        Host host = new Host();
        new CommandLine(host).parseArgs(args);
        return host.metrics.settings();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(parse()).isEqualTo(new MetricsSettings(List.of(), 20, 50, 50, Duration.ofSeconds(15)));
    }

    @Test
    void optionsSetTheWatchListAndBounds() {
        MetricsSettings settings = parse("--watch-assets", "BTC,ETH", "--watch-assets", "DEFI.SSI", "--watch-top", "5", "--max-venues", "7");
        assertThat(settings.watchedAssets()).containsExactly("BTC", "ETH", "DEFI.SSI");
        assertThat(settings.topAssets()).isEqualTo(5);
        assertThat(settings.maxVenues()).isEqualTo(7);
    }
}
