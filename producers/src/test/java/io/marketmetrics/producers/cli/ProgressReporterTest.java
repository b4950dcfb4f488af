package io.marketmetrics.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line: a bar with rate and ETA on a terminal, a plain line otherwise. */
class ProgressReporterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void onATerminalABarWithRateAndEta() {
        try (ProgressReporter reporter = ProgressReporter.start("replay t.csv", "trades",
                () -> new ProgressReporter.Snapshot(0, 0, ""), out, true)) {
            // 25 % done after 10 s: 30 s to go.
            assertThat(reporter.format(new ProgressReporter.Snapshot(12_345, 0.25, ""), 1234.4, 10_000_000_000L))
                    .isEqualTo("replay t.csv [########......................]  25% 12,345 trades, 1,234/s, ETA 0:00:30");
        }
    }

    @Test
    void elsewhereAPlainLineAndNoEtaWithoutATotal() {
        try (ProgressReporter reporter = ProgressReporter.start("simulate", "trades",
                () -> new ProgressReporter.Snapshot(0, Double.NaN, ""), out, false)) {
            assertThat(reporter.format(new ProgressReporter.Snapshot(3_000_000, Double.NaN, "2 duplicates"), 299.6, 1))
                    .isEqualTo("simulate: 3,000,000 trades, 300/s, 2 duplicates");
            assertThat(reporter.format(new ProgressReporter.Snapshot(7_200, 0.5, ""), 1, 3_600_000_000_000L))
                    .isEqualTo("simulate:  50% 7,200 trades, 1/s, ETA 1:00:00");
        }
    }
}
