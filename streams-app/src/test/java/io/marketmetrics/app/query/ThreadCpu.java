package io.marketmetrics.app.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * The CPU time of one process so far, by group of threads, from Linux's {@code /proc} (user and system time of each
 * live thread, in clock ticks of 10 ms): which share of an instance's CPU answered requests, and which went to the JIT
 * compilers, still at work minutes after start on a busy 2-core machine. A thread that ended between two readings
 * counts only in the process's total ("ended threads"). Says so where there is no {@code /proc}.
 */
final class ThreadCpu {

    private static final double SECONDS_PER_TICK = 0.01; // USER_HZ, 100 on Linux
    // Group -> starts of its threads' names (the kernel keeps 15 characters of a name); the first that matches counts.
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();
    private static final String OTHER = "other";
    private static final String JIT = "JIT";

    static {
        GROUPS.put("HTTP server", List.of("JettyServerThre"));
        GROUPS.put("HTTP client", List.of("HttpClient-"));
        GROUPS.put(JIT, List.of("C1 CompilerThre", "C2 CompilerThre"));
        GROUPS.put("GC", List.of("GC Thread", "G1 ", "VM Thread"));
        GROUPS.put(OTHER, List.of(""));
    }

    /** A thread's group, CPU time and the times it was put on a CPU (each a context switch to it). */
    private record Reading(String group, long ticks, long switches) {
    }

    private final Map<String, Reading> threads; // by thread id
    private final long processTicks;

    private ThreadCpu(Map<String, Reading> threads, long processTicks) {
        this.threads = threads;
        this.processTicks = processTicks;
    }

    /** The process's threads now; empty if it has gone or there is no {@code /proc}. */
    static ThreadCpu of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        Map<String, Reading> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                Reading thread = read(task.resolve("stat"));
                if (thread != null) {
                    threads.put(task.getFileName().toString(), thread);
                }
            }
            Reading process = read(proc.resolve("stat"));
            return new ThreadCpu(threads, process == null ? 0 : process.ticks());
        } catch (IOException e) {
            return new ThreadCpu(Map.of(), 0);
        }
    }

    /**
     * A {@code stat} file's group (by its name, in parentheses and possibly with spaces) and utime + stime, and the
     * count of times run on a CPU from the {@code schedstat} file next to it; null if gone.
     */
    private static Reading read(Path stat) {
        try {
            String line = Files.readString(stat);
            String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
            // Fields after the name, from field 3 (state) on: utime is field 14, stime field 15 (proc(5)).
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            String group = GROUPS.entrySet().stream().filter(g -> g.getValue().stream().anyMatch(name::startsWith))
                    .findFirst().orElseThrow().getKey();
            String[] schedule = Files.readString(stat.resolveSibling("schedstat")).trim().split(" ");
            return new Reading(group, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(schedule[2]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The CPU time the JIT compilers' threads used from {@code earlier} to this reading, in seconds. */
    double jitSecondsSince(ThreadCpu earlier) {
        return threads.entrySet().stream().filter(thread -> thread.getValue().group().equals(JIT))
                .mapToLong(thread -> thread.getValue().ticks() - earlier.threads.getOrDefault(thread.getKey(), new Reading(JIT, 0, 0)).ticks())
                .sum() * SECONDS_PER_TICK;
    }

    /** The CPU time from {@code earlier} to this reading by group, and per request (with context switches) for the HTTP threads. */
    String since(ThreadCpu earlier, int requests) {
        if (processTicks == 0) {
            return "no CPU time by thread (no /proc)";
        }
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> switches = new HashMap<>();
        GROUPS.keySet().forEach(group -> ticks.put(group, 0L));
        long counted = 0;
        long allSwitches = 0;
        for (Map.Entry<String, Reading> thread : threads.entrySet()) {
            Reading now = thread.getValue();
            Reading before = earlier.threads.getOrDefault(thread.getKey(), new Reading(now.group(), 0, 0));
            long used = now.ticks() - before.ticks();
            ticks.merge(now.group(), used, Long::sum);
            switches.merge(now.group(), now.switches() - before.switches(), Long::sum);
            counted += used;
            allSwitches += now.switches() - before.switches();
        }
        StringJoiner text = new StringJoiner(", ");
        ticks.forEach((group, used) -> text.add(group.startsWith("HTTP")
                ? String.format(Locale.ROOT, "%s %.1f s (%.3f ms and %.2f context switches per request)", group, used * SECONDS_PER_TICK,
                        1000 * used * SECONDS_PER_TICK / requests, switches.getOrDefault(group, 0L) / (double) requests)
                : String.format(Locale.ROOT, "%s %.1f s", group, used * SECONDS_PER_TICK)));
        text.add(String.format(Locale.ROOT, "all live threads %.2f context switches per request", allSwitches / (double) requests));
        text.add(String.format(Locale.ROOT, "ended threads %.1f s", (processTicks - earlier.processTicks - counted) * SECONDS_PER_TICK));
        return text.toString();
    }
}
