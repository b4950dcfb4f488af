package io.marketmetrics.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.registry.SchemaRegistryServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged target/producers.jar run as a user runs it: a child JVM, a real broker and registry. */
class ProducersJarIT {

    private static final Path JAR = Path.of("target", "producers.jar");

    @TempDir
    static Path dir;

    static LocalStack stack;
    static EmbeddedKafkaBroker broker;
    static SchemaRegistryServer registry;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(dir);
        broker = stack.broker;
        registry = stack.registry;
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void helpFromTheJar() throws Exception {
        Result result = run("--help");
        assertThat(result.code).isZero();
        assertThat(result.out).startsWith("Usage: producers.jar").contains("simulate", "replay", "connect", "reference");
    }

    @Test
    @Timeout(120) // a guard against a hang only
    void aStoppedSimulatorLosesNothingItCounted() throws Exception {
        Child child = start("simulate", "--rate", "500", "--topic-prefix", "sig.",
                "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry", registry.url());
        Process process = child.process();
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.recordCount("sig.trades") > 200);
        process.destroy(); // SIGTERM, as Ctrl-C or docker stop
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(child.stdout());
        Matcher summary = Pattern.compile("([\\d,]+) trades published").matcher(out);
        assertThat(summary.find()).as("summary in %s", out).isTrue();
        long published = Long.parseLong(summary.group(1).replace(",", ""));
        assertThat(published).isGreaterThan(200);
        assertThat(stack.recordCount("sig.trades")).isEqualTo(published);
    }

    @Test
    @Timeout(120)
    void anUnreachableBrokerIsOneLineOnStderrAndExitCode1() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), """
                timestamp,exchange,base,quote,price,quantity,trade_id,side
                1570752000000,binance,BTC,USDT,8300.5,0.01,1,buy
                """);
        int port = LocalStack.closedPort();
        Result result = run("replay", "--file", file.toString(), "--bootstrap-servers", "127.0.0.1:" + port,
                "--timeout", "2", "--schema-registry", registry.url());
        assertThat(result.code).isEqualTo(1);
        assertThat(result.err.lines().toList()).singleElement().asString()
                .startsWith("error: no answer from Kafka at 127.0.0.1:" + port + " for topic trades");
    }

    @Test
    void anInvalidReferenceFileListsEveryErrorAndExitsNonZero() throws Exception {
        Path file = Files.writeString(dir.resolve("r.yaml"), """
                assets:
                  - {symbol: BTC, circulatingSupply: -5}
                  - {symbol: eth}
                """);
        Result result = run("reference", "--file", file.toString(), "--validate-only");
        assertThat(result.code).isEqualTo(1);
        assertThat(result.err.lines().toList()).containsExactly("error: " + file + ": 2 errors",
                "  assets[0].circulatingSupply: must be a number >= 0, got -5",
                "  assets[1].symbol: must be an asset symbol (upper case [A-Z0-9.]{1,20}), got \"eth\"");
    }

    private record Result(int code, String out, String err) {
    }

    /** A running jar and the files its stdout and stderr go to (a destroyed Process closes its pipes). */
    private record Child(Process process, Path stdout, Path stderr) {
    }

    private static Result run(String... args) throws Exception {
        Child child = start(args);
        int code = child.process.waitFor();
        return new Result(code, Files.readString(child.stdout), Files.readString(child.stderr));
    }

    private static Child start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        return new Child(new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start(),
                stdout, stderr);
    }

}
