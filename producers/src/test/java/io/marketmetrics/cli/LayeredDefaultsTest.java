package io.marketmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class LayeredDefaultsTest {

    @TempDir
    Path dir;

    @Command(name = "root", subcommands = Sub.class)
    static final class Root {
    }

    @Command(name = "sub")
    static final class Sub implements Callable<Integer> {
        @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092")
        String bootstrapServers;
        @Option(names = {"-r", "--rate"}, defaultValue = "300")
        int rate;
        @Option(names = "--strict")
        boolean strict;

        @Override
        public Integer call() {
            return 0;
        }
    }

    private final StringWriter err = new StringWriter();

    private Sub run(Map<String, String> env, String... args) {
        Sub sub = new Sub();
        CommandLine cl = new CommandLine(new Root(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == Sub.class ? (K) sub : CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setErr(new PrintWriter(err, true));
        int code = CliLauncher.execute(cl, args, env);
        assertThat(code).as("exit code, stderr: %s", err).isZero();
        return sub;
    }

    private Path config(String text) throws IOException {
        Path file = dir.resolve("mm.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void annotationDefaultWhenNoOtherLayerSaysAnything() {
        Sub sub = run(Map.of(), "sub");
        assertThat(sub.bootstrapServers).isEqualTo("localhost:9092");
        assertThat(sub.rate).isEqualTo(300);
        assertThat(sub.strict).isFalse();
    }

    @Test
    void fileOverridesDefault() throws IOException {
        Path file = config("bootstrap-servers=file:1\nrate=7\nstrict=true\n");
        Sub sub = run(Map.of(), "sub", "--config", file.toString());
        assertThat(sub.bootstrapServers).isEqualTo("file:1");
        assertThat(sub.rate).isEqualTo(7);
        assertThat(sub.strict).isTrue();
    }

    @Test
    void environmentOverridesFile() throws IOException {
        Path file = config("bootstrap-servers=file:1\nrate=7\n");
        Sub sub = run(Map.of("MM_BOOTSTRAP_SERVERS", "env:2"), "sub", "--config=" + file);
        assertThat(sub.bootstrapServers).isEqualTo("env:2");
        assertThat(sub.rate).isEqualTo(7);
    }

    @Test
    void commandLineOverridesEnvironmentAndFile() throws IOException {
        Path file = config("bootstrap-servers=file:1\nrate=7\n");
        Sub sub = run(Map.of("MM_BOOTSTRAP_SERVERS", "env:2", "MM_RATE", "8"),
                "sub", "--config", file.toString(), "--bootstrap-servers", "cli:3", "-r", "9");
        assertThat(sub.bootstrapServers).isEqualTo("cli:3");
        assertThat(sub.rate).isEqualTo(9);
    }

    @Test
    void configFileMayBeNamedByTheEnvironment() throws IOException {
        Path file = config("rate=11\n");
        assertThat(run(Map.of("MM_CONFIG", file.toString()), "sub").rate).isEqualTo(11);
    }

    @Test
    void missingConfigFileIsAOneLineUsageError() {
        CommandLine cl = new CommandLine(new Root());
        cl.setErr(new PrintWriter(err, true));
        int code = CliLauncher.execute(cl, new String[] {"sub", "--config", dir.resolve("nope").toString()}, Map.of());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: config file not found: " + dir.resolve("nope")
                + System.lineSeparator());
    }

    @Test
    void environmentNamesAreUpperSnakeCaseOfTheLongOption() {
        assertThat(LayeredDefaults.envName("--bootstrap-servers")).isEqualTo("MM_BOOTSTRAP_SERVERS");
        assertThat(LayeredDefaults.envName("--schema-registry")).isEqualTo("MM_SCHEMA_REGISTRY");
        assertThat(LayeredDefaults.envName("--config")).isEqualTo("MM_CONFIG");
    }
}
