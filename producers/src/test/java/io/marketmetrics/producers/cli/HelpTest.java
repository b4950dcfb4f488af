package io.marketmetrics.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.cli.CliLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Every subcommand answers --help with its usage, its Kafka options and the layered configuration. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "replay", "connect", "reference"})
    void everySubcommandHasHelp(String command) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new ProducersCommand());
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(CliLauncher.execute(commandLine, new String[] {command, "--help"}, Map.of())).isZero();
        assertThat(out.toString()).startsWith("Usage: producers.jar " + command)
                .contains("--bootstrap-servers", "--schema-registry", "--topic-prefix", "--config=FILE");
    }

    @Test
    void noSubcommandIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ProducersCommand());
        commandLine.setErr(new PrintWriter(err, true));
        assertThat(CliLauncher.execute(commandLine, new String[0], Map.of())).isEqualTo(2);
        assertThat(err.toString()).startsWith("a subcommand is required: simulate, replay, connect or reference");
    }
}
