package io.marketmetrics.producers.connect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical WebSocket subscription that survives drops: connects with the JDK client, sends the
 * subscription messages, sends the venue's application pings, replaces a connection that went
 * silent, and reconnects with exponential backoff and jitter until closed. Complete text messages
 * (fragments joined) are handed to {@link Events} on the thread that called {@link #run}.
 */
final class ReconnectingWebSocket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingWebSocket.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    /** Messages waiting for the consumer; when full, reading from the socket pauses (backpressure). */
    private static final int QUEUE_CAPACITY = 10_000;

    /** What the owner is told, on the {@link #run} thread. */
    interface Events {
        void message(String text);

        /** A binary frame: no supported venue sends one on these channels. */
        void binaryMessage();

        /** The connection was lost (or never opened) and a reconnect follows. */
        void disconnected(String reason);
    }

    private final String name;
    private final URI uri;
    private final List<String> subscribeMessages;
    private final Optional<KeepAlive> keepAlive;
    private final ConnectionSettings settings;
    private final HttpClient client;
    private final ScheduledExecutorService pinger;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Connection current;

    ReconnectingWebSocket(String name, URI uri, List<String> subscribeMessages, Optional<KeepAlive> keepAlive,
            ConnectionSettings settings) {
        this.name = name;
        this.uri = uri;
        this.subscribeMessages = List.copyOf(subscribeMessages);
        this.keepAlive = keepAlive.map(k -> settings.keepAliveInterval() == null
                ? k : new KeepAlive(k.message(), settings.keepAliveInterval()));
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name + "-keepalive");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects, and keeps reconnecting, until {@link #close}; then returns. */
    void run(Events events) throws InterruptedException {
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        try {
            while (!isClosed()) {
                Connection connection = new Connection();
                current = connection;
                String reason;
                try {
                    reason = connection.openAndPump(events);
                } finally {
                    connection.abort();
                }
                if (isClosed()) {
                    break;
                }
                if (connection.delivered) {
                    backoff.reset();
                }
                Duration delay = backoff.next();
                LOG.warn("{}: connection to {} lost ({}); reconnecting in {} ms", name, uri, reason, delay.toMillis());
                events.disconnected(reason);
                if (closed.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } finally {
            pinger.shutdownNow();
        }
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Stops {@link #run} promptly, from any thread. Idempotent. */
    @Override
    public void close() {
        closed.countDown();
        Connection connection = current;
        if (connection != null) {
            connection.end("closed");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private sealed interface Inbound permits Text, Binary, Ended {
    }

    private record Text(String text) implements Inbound {
    }

    private record Binary() implements Inbound {
    }

    private record Ended(String reason) implements Inbound {
    }

    /** One physical connection: its socket, its inbound queue, its keep-alive task. */
    private final class Connection implements WebSocket.Listener {

        private final BlockingQueue<Inbound> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final StringBuilder fragments = new StringBuilder();
        private volatile long lastActivityNanos = System.nanoTime();
        private volatile boolean ended;
        private volatile WebSocket socket;
        private ScheduledFuture<?> keepAliveTask;
        private boolean delivered;

        /**
         * Connects, subscribes and hands messages over until the connection ends; returns why it ended.
         * Only connection failures are caught here: an exception of the consumer ends {@link #run}.
         */
        String openAndPump(Events events) throws InterruptedException {
            try {
                open();
            } catch (ExecutionException | TimeoutException | IllegalStateException e) {
                return "connect/subscribe failed: " + rootMessage(e);
            }
            LOG.info("{}: connected to {}, sent {} subscription message(s)", name, uri, subscribeMessages.size());
            return pump(events);
        }

        private void open() throws ExecutionException, TimeoutException, InterruptedException {
            socket = client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, this)
                    .get(CONNECT_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            for (String message : subscribeMessages) {
                send(message);
            }
            keepAlive.ifPresent(k -> keepAliveTask = pinger.scheduleAtFixedRate(() -> ping(k.message()),
                    k.interval().toMillis(), k.interval().toMillis(), TimeUnit.MILLISECONDS));
        }

        /** JDK WebSocket allows one outstanding send; subscriptions and pings share this path. */
        private synchronized void send(String text)
                throws ExecutionException, TimeoutException, InterruptedException {
            socket.sendText(text, true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void ping(String text) {
            try {
                send(text);
            } catch (ExecutionException | TimeoutException e) {
                end("keep-alive ping failed: " + rootMessage(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Hands messages over until the connection ends or goes silent; returns why it ended. */
        private String pump(Events events) throws InterruptedException {
            long idleNanos = settings.idleTimeout().toNanos();
            long pollMillis = Math.max(10, Math.min(1000, settings.idleTimeout().toMillis() / 4));
            while (true) {
                Inbound next = inbound.poll(pollMillis, TimeUnit.MILLISECONDS);
                if (next instanceof Text text) {
                    delivered = true;
                    events.message(text.text());
                } else if (next instanceof Binary) {
                    events.binaryMessage();
                } else if (next instanceof Ended end) {
                    return end.reason();
                } else if (System.nanoTime() - lastActivityNanos > idleNanos) {
                    return "nothing received for " + settings.idleTimeout().toMillis() + " ms";
                }
            }
        }

        void end(String reason) {
            if (!ended) {
                enqueue(new Ended(reason));
                ended = true;
            }
        }

        void abort() {
            ended = true;
            if (keepAliveTask != null) {
                keepAliveTask.cancel(false);
            }
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
        }

        private void enqueue(Inbound item) {
            try {
                while (!ended && !inbound.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    // the consumer is behind: wait, unless this connection is being discarded
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            lastActivityNanos = System.nanoTime();
            webSocket.request(1);
        }

        /** Frames of one message arrive in parts until {@code last}; only whole messages are parsed. */
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastActivityNanos = System.nanoTime();
            fragments.append(data);
            if (last) {
                String text = fragments.toString();
                fragments.setLength(0);
                enqueue(new Text(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastActivityNanos = System.nanoTime();
            if (last) {
                enqueue(new Binary());
            }
            webSocket.request(1);
            return null;
        }

        /** The JDK answers the ping with a pong itself; a ping still proves the connection alive. */
        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastActivityNanos = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastActivityNanos = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end("closed by the server: " + statusCode + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end(rootMessage(error));
        }
    }
}
