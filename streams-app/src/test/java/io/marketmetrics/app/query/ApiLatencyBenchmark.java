package io.marketmetrics.app.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.marketmetrics.app.testing.ChildJvm;
import io.marketmetrics.app.testing.FreePorts;
import io.marketmetrics.embedded.EmbeddedKafkaMain;
import io.marketmetrics.registry.InMemorySchemaStore;
import io.marketmetrics.registry.SchemaRegistryServer;

/**
 * Benchmark, not a test: latency of {@code GET /api/v1/assets/{symbol}} at a fixed request rate, for keys
 * the instance asked holds (local read) and keys it forwards to the other instance. As in production, the
 * broker and each of the two instances run in a JVM of their own (an instance's collections pause only
 * that instance); they serve the figures of {@link FiguresFixture}. The schema registry runs in this JVM, the
 * load generator ({@link LoadGenerator}) in a JVM of its own per case, so that nothing else pauses it. The load
 * is open-loop: requests are due on a fixed schedule whether or not earlier ones have finished (32 client
 * connections take them in order), and each latency counts from its scheduled time, so a stall shows in the
 * percentiles instead of slowing the load (no coordinated omission).
 * Printed per case: the percentiles, how many answers missed the target and how many of those were in flight while
 * an instance was paused by its collector, instance one's own count of answers within 5 and 20 ms, each instance's
 * CPU time per request (less moved by other load on the machine than the percentiles) and by group of threads
 * ({@link ThreadCpu}: the request threads apart from the JIT compilers), each JVM's collections during the case
 * and the generator's CPU time per request.
 *
 * <pre>
 * ./mvnw -q -pl streams-app -am install -DskipTests
 * ./mvnw -q -pl streams-app org.codehaus.mojo:exec-maven-plugin:3.7.0:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.marketmetrics.app.query.ApiLatencyBenchmark 1000 30"
 * </pre>
 * Arguments: requests/s, seconds per case and seconds of warm-up before them (default 1000, 30 and 120; the warm-up then
 * goes on while the JIT is still busy, see {@link #warmUntilTheJitSettles}). Other JVM options
 * for the instances: {@code -Dexec.args="-Dapi.bench.instanceJvm='-Xmx512m -XX:+UseZGC' -cp %classpath ..."}, where
 * {@code {instance}} stands for the instance's name, e.g. to profile both:
 * {@code -Dapi.bench.instanceJvm='-Xms512m -Xmx512m -XX:StartFlightRecording=settings=profile,dumponexit=true,filename={instance}.jfr'}
 * (the instances are stopped with SIGTERM at the end, so such a recording is written).
 */
public final class ApiLatencyBenchmark {

    private static final String APPLICATION_ID = "api-latency-benchmark";
    // The load generator's connections: enough for 1,000 requests/s at several ms each. When all are busy, requests
    // wait for one, and that wait counts in their latency.
    private static final int CONNECTIONS = 32;
    private static final String ASSET_PATH = "/api/v1/assets/";
    // The load generator's JVM: a small heap (it allocates next to nothing per request); C1 only, whose code is fast
    // enough for its loop, so that no C2 compilation takes CPU from the instances during a case.
    private static final List<String> GENERATOR_JVM = List.of("-Xms128m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    // For the JIT to compile most of the request path first. On the shared 2-core machine it is slow: after 30 s, C2
    // was still compiling the request path's own methods (Jetty's parser, JavalinServlet.handle, AssetRoutes.asset)
    // during the local case and the HTTP client's during the forwarded one, and the warm-up reached only three
    // quarters of its rate; after 120 s, C2 still used a sixth to a half of an instance's CPU during the cases.
    private static final int DEFAULT_WARM_UP_SECONDS = 120;
    // Then more, until the JIT has settled (see warmUntilTheJitSettles): 1.5 s in 30 s is 5 % of a core.
    private static final int SETTLING_ROUND_SECONDS = 30;
    private static final double SETTLED_JIT_SECONDS = 1.5;
    private static final int MAX_SETTLING_ROUNDS = 4;
    // An instance's JVM as the container image runs it (G1, the default collector), with a fixed heap.
    private static final List<String> INSTANCE_JVM = List.of("-Xms512m", "-Xmx512m");
    // Other options for both instances' JVMs, to compare collectors: -Dapi.bench.instanceJvm="-Xmx512m -XX:+UseZGC".
    private static final String INSTANCE_JVM_PROPERTY = "api.bench.instanceJvm";
    // In those options, the instance's name ("one", "two"): one file each for options that name one.
    private static final String INSTANCE_NAME = "{instance}";
    // The p99 targets (issue "Interactive queries"): the answers slower than these are traced to the collections.
    private static final int LOCAL_TARGET_MS = 5;
    private static final int FORWARDED_TARGET_MS = 20;
    private static final Pattern LOGGED_AT = Pattern.compile("^\\[(\\d+)ms\\]");
    private static final Pattern PAUSE = Pattern.compile("([0-9.]+)ms$");
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ApiLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_WARM_UP_SECONDS;
        Path dir = Files.createTempDirectory("api-latency-benchmark");
        int brokerPort = FreePorts.next();
        try (ChildJvm broker = ChildJvm.start(EmbeddedKafkaMain.class,
                List.of(dir.resolve("kafka").toString(), Integer.toString(brokerPort)), dir.resolve("broker.log"));
             SchemaRegistryServer registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore())) {
            String bootstrap = "127.0.0.1:" + brokerPort;
            awaitUntil("the broker serves", () -> broker.output().contains(EmbeddedKafkaMain.READY_PREFIX), broker);
            FiguresFixture.provisionTopics(bootstrap);
            FiguresFixture.publishAll(bootstrap, registry.url());
            int portOne = FreePorts.next();
            int portTwo = FreePorts.next();
            try (ChildJvm one = instance(bootstrap, registry.url(), dir, "one", portOne);
                 ChildJvm two = instance(bootstrap, registry.url(), dir, "two", portTwo)) {
                String base = "http://127.0.0.1:" + portOne + ASSET_PATH;
                awaitUntil("both instances hold partitions and every key answers", () -> split(base), one, two);
                List<String> local = FiguresFixture.SYMBOLS.stream().filter(s -> isLocal(base, s)).toList();
                List<String> forwarded = FiguresFixture.SYMBOLS.stream().filter(s -> !local.contains(s)).toList();
                System.out.printf(Locale.ROOT, "local keys %s, forwarded keys %s; %d requests/s, %d s per case%n", local, forwarded, rate, seconds);
                String metrics = "http://127.0.0.1:" + portOne + "/metrics";
                List<String> allMetrics = List.of(metrics, "http://127.0.0.1:" + portTwo + "/metrics");
                List<ChildJvm> instances = List.of(one, two);
                run("warm-up", dir, portOne, FiguresFixture.SYMBOLS, rate, warmUp, 0);
                warmUntilTheJitSettles(dir, portOne, rate, instances);
                ServerTimes before = ServerTimes.scrape(metrics);
                double[] cpuBefore = cpuSeconds(allMetrics);
                List<ThreadCpu> threadsBefore = threadCpu(instances);
                long[] localCase = run("local", dir, portOne, local, rate, seconds, LOCAL_TARGET_MS);
                List<ThreadCpu> threadsAfterLocal = threadCpu(instances);
                ServerTimes afterLocal = ServerTimes.scrape(metrics);
                double[] cpuAfterLocal = cpuSeconds(allMetrics);
                System.out.println("  inside instance one (arrival to response written): " + afterLocal.since(before));
                printCpu(cpuBefore, cpuAfterLocal, threadsBefore, threadsAfterLocal, rate * seconds);
                printPauses(dir, localCase);
                long[] forwardedCase = run("forwarded", dir, portOne, forwarded, rate, seconds, FORWARDED_TARGET_MS);
                List<ThreadCpu> threadsAfterForwarded = threadCpu(instances);
                System.out.println("  inside instance one (arrival to response written): " + ServerTimes.scrape(metrics).since(afterLocal));
                printCpu(cpuAfterLocal, cpuSeconds(allMetrics), threadsAfterLocal, threadsAfterForwarded, rate * seconds);
                printPauses(dir, forwardedCase);
                for (String name : List.of("one", "two")) {
                    System.out.println("instance " + name + " over the whole run: " + gcPauses(gcLog(dir, name), 0, Long.MAX_VALUE));
                }
                if (!local.equals(FiguresFixture.SYMBOLS.stream().filter(s -> isLocal(base, s)).toList())) {
                    System.out.println("WARNING: partitions moved during the run; the local and forwarded cases are mixed");
                }
                // SIGTERM, so that what an instance writes at exit (e.g. a flight recording) is written.
                one.stop();
                two.stop();
            }
        }
        System.exit(0); // the probing HTTP client's threads
    }

    private static ChildJvm instance(String bootstrap, String registryUrl, Path dir, String name, int httpPort) {
        String options = System.getProperty(INSTANCE_JVM_PROPERTY, "").trim();
        List<String> jvm = new ArrayList<>(options.isEmpty() ? INSTANCE_JVM : List.of(options.replace(INSTANCE_NAME, name).split("\\s+")));
        // gc+phases: ZGC logs its (short) pauses there, G1 and Serial theirs under gc.
        jvm.add("-Xlog:gc,gc+phases:file=" + gcLog(dir, name) + ":timemillis,level,tags");
        System.out.println("instance " + name + ": " + String.join(" ", jvm));
        return ChildJvm.start(jvm, FiguresInstanceMain.class, List.of(bootstrap, registryUrl, APPLICATION_ID,
                dir.resolve(name).toString(), Integer.toString(httpPort)), dir.resolve(name + ".log"));
    }

    /**
     * Instance one's own count of asset answers within 5 and 20 ms ({@code http_server_requests_seconds} at
     * /metrics): what the server takes, apart from the queueing for CPU and connections the client sees.
     */
    private record ServerTimes(double within5ms, double within20ms, double all) {

        private static final String SERIES = "{method=\"GET\",route=\"/api/v1/assets/{symbol}\",status=\"200\"";

        static ServerTimes scrape(String metricsUrl) throws Exception {
            String text = PROBE.send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return new ServerTimes(value(text, "http_server_requests_seconds_bucket" + SERIES + ",le=\"0.005\"}"),
                    value(text, "http_server_requests_seconds_bucket" + SERIES + ",le=\"0.02\"}"),
                    value(text, "http_server_requests_seconds_count" + SERIES + "}"));
        }

        private static double value(String text, String series) {
            return text.lines().filter(line -> line.startsWith(series + " ")).mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                    .findFirst().orElse(0);
        }

        String since(ServerTimes earlier) {
            double n = all - earlier.all;
            return String.format(Locale.ROOT, "%.0f answers, %.2f %% within 5 ms, %.2f %% within 20 ms", n,
                    100 * (within5ms - earlier.within5ms) / n, 100 * (within20ms - earlier.within20ms) / n);
        }
    }

    /** Each instance's CPU time so far, in seconds, from its {@code process_cpu_time} meter (every thread, JIT and GC included). */
    private static double[] cpuSeconds(List<String> metricsUrls) throws Exception {
        double[] seconds = new double[metricsUrls.size()];
        for (int i = 0; i < seconds.length; i++) {
            String url = metricsUrls.get(i);
            String text = PROBE.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            String line = text.lines().filter(l -> l.startsWith("process_cpu_time_")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no process_cpu_time meter at " + url));
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            seconds[i] = line.startsWith("process_cpu_time_ns") ? value / 1e9 : value;
        }
        return seconds;
    }

    /**
     * More warm-up, {@value #SETTLING_ROUND_SECONDS} s at a time, while either instance's JIT compilers used more than
     * {@value #SETTLED_JIT_SECONDS} s of CPU in the last round, at most {@value #MAX_SETTLING_ROUNDS} times: C2 compiles
     * the request path's methods for the first time for minutes after a start on this machine, and what it takes then
     * is taken from the requests. The cases measure an instance that has run for a while, as most of production's have.
     */
    private static void warmUntilTheJitSettles(Path dir, int port, int rate, List<ChildJvm> instances) throws IOException {
        for (int round = 1; round <= MAX_SETTLING_ROUNDS; round++) {
            List<ThreadCpu> before = threadCpu(instances);
            run("warm-up+" + round, dir, port, FiguresFixture.SYMBOLS, rate, SETTLING_ROUND_SECONDS, 0);
            List<ThreadCpu> after = threadCpu(instances);
            double one = after.get(0).jitSecondsSince(before.get(0));
            double two = after.get(1).jitSecondsSince(before.get(1));
            System.out.printf(Locale.ROOT, "  JIT during it: one %.1f s, two %.1f s%n", one, two);
            if (Math.max(one, two) <= SETTLED_JIT_SECONDS) {
                return;
            }
        }
        System.out.println("  the JIT had not settled; measuring anyway");
    }

    private static List<ThreadCpu> threadCpu(List<ChildJvm> instances) {
        return instances.stream().map(instance -> ThreadCpu.of(instance.pid())).toList();
    }

    private static void printCpu(double[] before, double[] after, List<ThreadCpu> threadsBefore, List<ThreadCpu> threadsAfter, int requests) {
        double one = after[0] - before[0];
        double two = after[1] - before[1];
        System.out.printf(Locale.ROOT, "  instance CPU during the case: one %.1f s, two %.1f s; %.2f ms per request for both%n", one, two,
                1000 * (one + two) / requests);
        System.out.println("    by thread, one: " + threadsAfter.get(0).since(threadsBefore.get(0), requests));
        System.out.println("    by thread, two: " + threadsAfter.get(1).since(threadsBefore.get(1), requests));
    }

    private static Path gcLog(Path dir, String instance) {
        return dir.resolve(instance + "-gc.log");
    }

    private static void printPauses(Path dir, long[] when) throws IOException {
        for (String name : List.of("one", "two")) {
            System.out.println("  instance " + name + " during the case: " + gcPauses(gcLog(dir, name), when[0], when[1]));
        }
    }

    /** A stop-the-world pause (or a ZGC allocation stall) that a gc log records, from its end and its length. */
    private record Pause(long endEpochMillis, double millis, boolean stall) {

        double startEpochMillis() {
            return endEpochMillis - millis;
        }
    }

    private static String gcPauses(Path log, long from, long to) throws IOException {
        List<Pause> all = pauses(log, from, to);
        double[] pauses = all.stream().filter(p -> !p.stall()).mapToDouble(Pause::millis).toArray();
        double[] stalls = all.stream().filter(Pause::stall).mapToDouble(Pause::millis).toArray();
        return String.format(Locale.ROOT, "%d GC pauses, %.0f ms in all, longest %.1f ms; %d allocation stalls, longest %.1f ms", pauses.length,
                Arrays.stream(pauses).sum(), Arrays.stream(pauses).max().orElse(0), stalls.length, Arrays.stream(stalls).max().orElse(0));
    }

    /**
     * The stop-the-world pauses between {@code from} and {@code to} (epoch ms) that a {@code -Xlog:gc,gc+phases}
     * file records, e.g. "[1764100000123ms][info][gc] GC(4) Pause Young ... 3.456ms" (logged when the pause ends),
     * and ZGC's allocation stalls (a thread waiting for a collection to free memory: a pause for that thread).
     */
    private static List<Pause> pauses(Path log, long from, long to) throws IOException {
        List<Pause> pauses = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher time = LOGGED_AT.matcher(line);
            Matcher length = PAUSE.matcher(line);
            boolean stall = line.contains("Allocation Stall");
            if ((stall || line.contains(" Pause ")) && time.find() && length.find()) {
                long at = Long.parseLong(time.group(1));
                if (at >= from && at <= to) {
                    pauses.add(new Pause(at, Double.parseDouble(length.group(1)), stall));
                }
            }
        }
        return pauses;
    }

    /**
     * How many answers took longer than {@code targetMs}, and how many of them were in flight (due, not yet
     * answered) while an instance was paused: the share of the tail that the collections explain at least in part.
     */
    private static void printSlow(Path latencyFile, int targetMs, Path dir, long[] when) throws IOException {
        Latencies latencies = Latencies.read(latencyFile);
        List<List<Pause>> byInstance = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            byInstance.add(pauses(gcLog(dir, name), when[0], when[1]).stream().filter(p -> !p.stall()).toList());
        }
        int slow = 0;
        int[] duringPause = new int[byInstance.size()];
        int duringAny = 0;
        for (int i = 0; i < latencies.micros().length; i++) {
            long micros = latencies.micros()[i];
            if (micros <= targetMs * 1000L) {
                continue;
            }
            slow++;
            double due = latencies.dueEpochMicros(i) / 1000.0;
            double answered = due + micros / 1000.0;
            boolean any = false;
            for (int k = 0; k < duringPause.length; k++) {
                if (byInstance.get(k).stream().anyMatch(p -> p.startEpochMillis() <= answered && p.endEpochMillis() >= due)) {
                    duringPause[k]++;
                    any = true;
                }
            }
            duringAny += any ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "  over %d ms: %d answers (%.2f %%); of them in flight during a collection pause of instance one %d,"
                + " of two %d, of either %d%n", targetMs, slow, 100.0 * slow / latencies.micros().length, duringPause[0], duringPause[1], duringAny);
    }

    /** A forwarded request is never forwarded again: instance one answers it with 200 only for a key it holds. */
    private static boolean isLocal(String base, String symbol) {
        return status(base + symbol, true) == 200;
    }

    private static boolean split(String base) {
        boolean someLocal = false;
        boolean someForwarded = false;
        for (String symbol : FiguresFixture.SYMBOLS) {
            if (status(base + symbol, false) != 200) {
                return false;
            }
            boolean local = isLocal(base, symbol);
            someLocal |= local;
            someForwarded |= !local;
        }
        return someLocal && someForwarded;
    }

    private static int status(String url, boolean asForwarded) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (asForwarded) {
            request.header(Forwarder.FORWARDED_HEADER, "1");
        }
        try {
            return PROBE.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(String what, Condition condition, ChildJvm... processes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!condition.holds()) {
            for (ChildJvm process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a process exited while waiting until " + what + ":\n" + process.output());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within 180 s: " + what);
            }
            Thread.sleep(200);
        }
    }

    /**
     * Runs one case: the {@link LoadGenerator} in a JVM of its own, for {@code seconds}, asking for {@code symbols} in
     * turn; prints what it measured and, unless {@code targetMs} is 0, how many answers took longer than that and
     * whether a collection explains them. Returns when the case ran, in epoch milliseconds: {from, to}.
     */
    private static long[] run(String name, Path dir, int port, List<String> symbols, int rate, int seconds, int targetMs) throws IOException {
        Path latencyFile = dir.resolve("latencies-" + name + ".txt");
        List<String> args = new ArrayList<>(List.of("127.0.0.1", Integer.toString(port), Integer.toString(rate), Integer.toString(seconds),
                Integer.toString(CONNECTIONS), latencyFile.toString()));
        symbols.forEach(symbol -> args.add(ASSET_PATH + symbol));
        Path output = dir.resolve("generator-" + name + ".log");
        long from = System.currentTimeMillis();
        long[] when;
        try (ChildJvm generator = ChildJvm.start(GENERATOR_JVM, LoadGenerator.class, args, output)) {
            int exit = generator.awaitExit(Duration.ofSeconds(seconds + 120L));
            when = new long[] {from, System.currentTimeMillis()};
            System.out.printf(Locale.ROOT, "%-9s %s", name, generator.output());
            if (exit != 0) {
                throw new IllegalStateException("the load generator failed (exit " + exit + ")");
            }
        }
        if (targetMs > 0) {
            printSlow(latencyFile, targetMs, dir, when);
        }
        return when;
    }
}
