package io.marketmetrics.app.query;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop load of {@link ApiLatencyBenchmark}, run as a process of its own so that no other part of the
 * benchmark (the schema registry, its collections) can pause it: {@code GET}s due on a fixed schedule, whether
 * or not earlier ones have finished, each latency counted from its scheduled time (no coordinated omission).
 * Made to cost little CPU per request, since it shares the machine with what it measures: two threads and no
 * hand-off between them per request. The sender sleeps until a request is due and writes its pre-built bytes
 * on an idle kept-alive connection itself; the receiver waits on one selector for the answers of all
 * connections, reads them with {@link HttpResponseReader} (status line and length only), and when requests are
 * overdue because every connection was busy, sends the next on the connection it has just freed (the wait counts
 * in their latency). Nothing is allocated per request.
 *
 * <p>Arguments: host, port, requests/s, seconds, connections, a file to write each request's latency to, then the
 * paths to request in turn. Prints the percentiles and its own CPU time per request (sender, receiver, whole
 * process), writes the latencies (see {@link Latencies}), then exits.
 */
final class LoadGenerator {

    private static final long ANSWER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One kept-alive connection; {@code request} is the index of the request it carries, -1 when idle. */
    private static final class Connection {
        SocketChannel channel;
        final HttpResponseReader reader = new HttpResponseReader();
        final ByteBuffer out = ByteBuffer.allocateDirect(1024);
        volatile int request = -1;
    }

    private final InetSocketAddress server;
    private final long start;
    private final long startEpochMicros;
    private final int rate;
    private final int total;
    private final byte[][] requests;
    private final long[] latencies;
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
    // Guarded by itself: the idle connections, and the requests due so far (due) and sent so far (sent), in order.
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private int due;
    private int sent;
    private int errors; // receiver thread only

    private LoadGenerator(InetSocketAddress server, int rate, int seconds, int connections, List<String> paths) throws IOException {
        this.server = server;
        this.rate = rate;
        this.total = rate * seconds;
        this.latencies = new long[total];
        Arrays.fill(latencies, -1);
        this.requests = paths.stream().map(path -> ("GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        this.selector = Selector.open();
        for (int i = 0; i < connections; i++) {
            Connection connection = new Connection();
            connect(connection);
            idle.add(connection);
        }
        // Starts a moment after the connections are open.
        this.start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        this.startEpochMicros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis() + 200);
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        Path latencyFile = Path.of(args[5]);
        List<String> paths = Arrays.asList(args).subList(6, args.length);
        new LoadGenerator(server, rate, seconds, connections, paths).run(latencyFile);
        System.exit(0);
    }

    private long scheduled(int request) {
        return start + request * TimeUnit.SECONDS.toNanos(1) / rate;
    }

    private void run(Path latencyFile) throws Exception {
        long cpuBefore = PROCESS.getProcessCpuTime();
        long[] collectionsBefore = collections();
        long[] receiverCpu = new long[1];
        Throwable[] receiverFailure = new Throwable[1];
        Thread receiver = new Thread(() -> {
            try {
                receive();
            } catch (IOException | RuntimeException e) {
                receiverFailure[0] = e;
            }
            receiverCpu[0] = THREADS.getCurrentThreadCpuTime();
        }, "receiver");
        receiver.start();
        long senderCpuBefore = THREADS.getCurrentThreadCpuTime();
        send();
        long senderCpu = THREADS.getCurrentThreadCpuTime() - senderCpuBefore;
        receiver.join();
        if (receiverFailure[0] != null) {
            throw new IllegalStateException("the receiver failed", receiverFailure[0]);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = PROCESS.getProcessCpuTime() - cpuBefore;
        long[] collections = collections();
        Latencies.write(latencyFile, startEpochMicros, rate, latencies);
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%d requests in %.1f s (%.0f/s), %d errors: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n"
                        + "  load generator: CPU %.2f s (%.3f ms per request; sender %.3f ms, receiver %.3f ms), %d collections, %d ms%n",
                total, elapsed, total / elapsed, errors, ms(0.50), ms(0.90), ms(0.99), ms(0.999), latencies[total - 1] / 1e6,
                cpu / 1e9, cpu / 1e6 / total, senderCpu / 1e6 / total, receiverCpu[0] / 1e6 / total,
                collections[0] - collectionsBefore[0], collections[1] - collectionsBefore[1]);
    }

    /** The sender: each request at its time, on an idle connection, or left for the receiver when none is. */
    private void send() {
        for (int i = 0; i < total; i++) {
            long scheduled = scheduled(i);
            for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            Connection connection;
            synchronized (idle) {
                due = i + 1;
                connection = sent == i ? idle.poll() : null;
                if (connection != null) {
                    sent = i + 1;
                    connection.request = i;
                }
            }
            if (connection != null) {
                write(connection);
            }
        }
    }

    /** Writes the connection's request; on failure, ends its input so that the receiver sees the failure and reconnects. */
    private void write(Connection connection) {
        ByteBuffer out = connection.out;
        out.clear();
        out.put(requests[connection.request % requests.length]).flip();
        try {
            while (out.hasRemaining()) {
                // A request is far smaller than an idle connection's send buffer: this does not loop in practice.
                connection.channel.write(out);
            }
        } catch (IOException e) {
            try {
                connection.channel.shutdownInput();
            } catch (IOException again) {
                throw new IllegalStateException("cannot write to, nor close, a connection to " + server, again);
            }
        }
    }

    /** The receiver: every answer, until all requests are answered or the last is overdue by the answer timeout. */
    private void receive() throws IOException {
        int answered = 0;
        long deadline = scheduled(total - 1) + ANSWER_TIMEOUT_NANOS;
        while (answered < total && System.nanoTime() < deadline) {
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                Connection connection = (Connection) key.attachment();
                if (connection.request < 0) {
                    closedWhileIdle(connection);
                } else if (readAnswer(connection)) {
                    answered++;
                    next(connection);
                }
            }
            selector.selectedKeys().clear();
        }
        for (int i = 0; i < total; i++) {
            if (latencies[i] < 0) { // never answered
                latencies[i] = System.nanoTime() - scheduled(i);
                errors++;
            }
        }
    }

    /**
     * Reads what the connection has: true when its request's answer is complete (or the connection failed, which
     * counts as an error and is replaced by a new connection), false when more is to come.
     */
    private boolean readAnswer(Connection connection) throws IOException {
        int request = connection.request;
        try {
            in.clear();
            if (connection.channel.read(in) < 0) {
                throw new IOException("the server closed the connection");
            }
            in.flip();
            if (!connection.reader.read(in)) {
                return false;
            }
            if (in.hasRemaining()) {
                throw new IllegalStateException("bytes after the answer, none asked for");
            }
            latencies[request] = System.nanoTime() - scheduled(request);
            if (connection.reader.status() != 200) {
                errors++;
            }
        } catch (IOException | IllegalStateException e) {
            latencies[request] = System.nanoTime() - scheduled(request);
            errors++;
            System.out.println("request " + request + " failed: " + e);
            connection.channel.close();
            connect(connection);
        }
        return true;
    }

    /** After an answer: the connection takes the oldest overdue request, if any, or becomes idle. */
    private void next(Connection connection) {
        synchronized (idle) {
            if (sent == due) {
                connection.request = -1;
                idle.add(connection);
                return;
            }
            connection.request = sent++;
        }
        write(connection);
    }

    /**
     * An idle connection is readable only when the server closed it (e.g. after its idle timeout): replaced, unless
     * the sender has just taken it (then its answer is what is readable, and the next select reports it again).
     */
    private void closedWhileIdle(Connection connection) throws IOException {
        synchronized (idle) {
            if (connection.request < 0) {
                connection.channel.close();
                connect(connection);
            }
        }
    }

    private void connect(Connection connection) throws IOException {
        SocketChannel channel = SocketChannel.open(server);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, connection);
        connection.channel = channel;
        connection.reader.reset();
    }

    private double ms(double quantile) {
        return latencies[(int) Math.min(latencies.length - 1, Math.ceil(quantile * latencies.length) - 1)] / 1e6;
    }

    private static long[] collections() {
        long[] sum = new long[2];
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum[0] += gc.getCollectionCount();
            sum[1] += gc.getCollectionTime();
        }
        return sum;
    }
}
