package io.marketmetrics.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.marketmetrics.app.runtime.AppSettings;
import io.marketmetrics.cli.CliLauncher;
import io.marketmetrics.cli.LayeredDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StreamsAppCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelpListingItsOptions() {
        assertThat(help("--help")).contains("demo", "run");
        assertThat(help("demo", "--help")).contains("--replay", "--no-simulator", "--data-dir", "--http-port",
                "--kafka-port", "--registry-port", "--config");
        assertThat(help("run", "--help")).contains("--bootstrap-servers", "--schema-registry", "--http-port",
                "--application-server", "--state-dir", "--config");
    }

    @Test
    void runSettingsLayerDefaultsFileEnvironmentAndCommandLine() throws Exception {
        Path file = Files.writeString(dir.resolve("mm.properties"), String.join("\n",
                "bootstrap-servers=file:9092", "schema-registry=http://file:8081", "state-dir=/from/file", "http-port=7000"));
        // The file named by MM_CONFIG, as --config FILE would.
        Map<String, String> env = Map.of("MM_CONFIG", file.toString(), "MM_SCHEMA_REGISTRY", "http://env:8081", "MM_HTTP_PORT", "7100");

        AppSettings s = runSettings(env, "run", "--http-port", "7200",
                "--application-server", "api-3.internal:7200", "--streams-config", "num.stream.threads=2,commit.interval.ms=50");

        assertThat(s.bootstrapServers()).isEqualTo("file:9092");          // file over default
        assertThat(s.schemaRegistryUrl()).isEqualTo("http://env:8081");   // environment over file
        assertThat(s.httpPort()).isEqualTo(7200);                         // command line over environment
        assertThat(s.stateDir()).isEqualTo(Path.of("/from/file"));
        assertThat(s.applicationId()).isEqualTo("market-metrics");        // default
        assertThat(s.partitions()).isEqualTo(6);
        assertThat(s.advertisedServer().host()).isEqualTo("api-3.internal");
        assertThat(s.advertisedServer().port()).isEqualTo(7200);
        assertThat(s.streamsOverrides()).containsEntry("num.stream.threads", "2").containsEntry("commit.interval.ms", "50");
    }

    @Test
    void badOptionValuesAreOneLineErrors() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new StreamsAppCommand()).setErr(new PrintWriter(err));
        int code = CliLauncher.execute(cl, new String[] {"run", "--application-server", "no-port"}, Map.of());
        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString().strip()).isEqualTo("error: --application-server must be HOST:PORT, got 'no-port'");
    }

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new StreamsAppCommand()).setOut(new PrintWriter(out));
        assertThat(CliLauncher.execute(cl, args, Map.of())).isZero();
        return out.toString();
    }

    private static AppSettings runSettings(Map<String, String> env, String... args) {
        CommandLine cl = new CommandLine(new StreamsAppCommand());
        LayeredDefaults.install(cl, args, env);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        return ((RunCommand) parsed.subcommand().commandSpec().userObject()).settings();
    }
}
