package io.marketmetrics.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a {@link BenchWorker} in a child JVM with the same class path, a fixed heap, and optionally a
 * Flight Recorder recording, and reads its result. Its log lines are kept (the last few) to explain a failure.
 */
final class WorkerProcess implements AutoCloseable {

    private static final int KEPT_LINES = 40;

    private final Process process;
    private final BufferedReader out;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final String name;

    private WorkerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * @param heap     the child's -Xmx, e.g. {@code 460m}
     * @param options  further JVM options of the child
     * @param jfrDir   where to write {@code NAME.jfr} (a profiling recording), or null for none
     */
    static WorkerProcess start(String name, WorkerSpec spec, String heap, List<String> options, Path jfrDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(options);
        if (jfrDir != null) {
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + jfrDir.resolve(name + ".jfr").toAbsolutePath());
        }
        String logConfig = System.getProperty("logback.configurationFile");
        if (logConfig != null) {
            command.add("-Dlogback.configurationFile=" + logConfig);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchWorker.class.getName());
        command.addAll(spec.toArgs());
        try {
            return new WorkerProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the benchmark worker " + name, e);
        }
    }

    /** Waits until a serving worker's application is RUNNING. */
    void awaitReady() {
        String line = readUntil(BenchWorker.READY);
        if (line == null) {
            throw failure("ended before it was ready");
        }
    }

    /** Tells a serving worker to stop. */
    void stop() {
        try {
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write(BenchWorker.STOP + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the benchmark worker " + name, e);
        }
    }

    /** Waits for the worker's result (it then exits). */
    WorkerResult result() {
        String line = readUntil(BenchWorker.RESULT);
        if (line == null) {
            throw failure("ended without a result");
        }
        try {
            return new ObjectMapper().readValue(line.substring(BenchWorker.RESULT.length()), WorkerResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable result of the benchmark worker " + name + ": " + line, e);
        }
    }

    /** Reads output lines until one starts with {@code prefix} (returned), or null at the end of the output. */
    private String readUntil(String prefix) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                lastLines.addLast(line);
                if (lastLines.size() > KEPT_LINES) {
                    lastLines.removeFirst();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark worker " + name, e);
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException("benchmark worker " + name + " " + what + "; its last output:\n"
                + String.join("\n", lastLines));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
