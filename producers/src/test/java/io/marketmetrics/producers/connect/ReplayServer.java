package io.marketmetrics.producers.connect;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A real WebSocket server on 127.0.0.1 that plays a venue: on connection n, once the client has sent
 * its subscription messages, it sends script frame list n in order. {@link #drop} then cuts the
 * connection abruptly (no close frame), as a network failure does. Known client pings get their
 * replies. Frames longer than {@link #FRAGMENT_ABOVE} characters go out in three partial frames, as
 * venues do with big snapshots.
 *
 * <p>Tests drop a connection once the connector has handled its last frame: an abrupt drop may lose
 * the frames still in flight, which would make the counts of a test depend on timing.
 */
final class ReplayServer implements AutoCloseable {

    static final int FRAGMENT_ABOVE = 4096;

    private final int subscribeMessages;
    private final List<List<String>> script;
    private final Map<String, String> replies;
    private final List<List<String>> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> connectionOfSession = new ConcurrentHashMap<>();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger pingsSent = new AtomicInteger();
    private final Javalin app;

    private ReplayServer(int subscribeMessages, List<List<String>> script, Map<String, String> replies) {
        this.subscribeMessages = subscribeMessages;
        this.script = List.copyOf(script);
        this.replies = Map.copyOf(replies);
        this.app = Javalin.create(config -> config.routes.ws("/", ws -> {
            ws.onConnect(ctx -> {
                synchronized (received) {
                    connectionOfSession.put(ctx.sessionId(), received.size());
                    received.add(new CopyOnWriteArrayList<>());
                    sessions.add(ctx.session);
                }
            });
            ws.onMessage(ctx -> onMessage(ctx.session, connectionOfSession.get(ctx.sessionId()), ctx.message()));
        })).start("127.0.0.1", 0);
    }

    /**
     * @param subscribeMessages how many client messages (other than pings with a reply) start the replay
     * @param script the frames of each successive connection
     * @param replies answers to client pings, e.g. {@code ping -> pong}
     */
    static ReplayServer start(int subscribeMessages, List<List<String>> script, Map<String, String> replies) {
        return new ReplayServer(subscribeMessages, script, replies);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + app.port() + "/");
    }

    /** The client's messages, per connection in order of connection. */
    List<List<String>> received() {
        return new ArrayList<>(received);
    }

    private void onMessage(Session session, int connection, String message) {
        List<String> messages = received.get(connection);
        messages.add(message);
        String reply = replies.get(message);
        if (reply != null) {
            send(session, reply);
            return;
        }
        long subscriptions = messages.stream().filter(m -> !replies.containsKey(m)).count();
        if (subscriptions == subscribeMessages && connection < script.size()) {
            senders.execute(() -> replay(session, connection));
        }
    }

    private void replay(Session session, int connection) {
        for (String frame : script.get(connection)) {
            send(session, frame);
        }
    }

    /** From now on sends a protocol ping frame on the latest connection at this interval, as Binance does. */
    void pingEvery(Duration interval) {
        pinger.scheduleAtFixedRate(() -> {
            Session latest = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
            if (latest != null && latest.isOpen()) {
                Callback.Completable.with(c -> latest.sendPing(ByteBuffer.allocate(0), c))
                        .whenComplete((ok, failure) -> pingsSent.incrementAndGet());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    int pingsSent() {
        return pingsSent.get();
    }

    /** Cuts the latest connection without a close frame. */
    void drop() {
        sessions.get(sessions.size() - 1).disconnect();
    }

    private static void send(Session session, String frame) {
        if (frame.length() <= FRAGMENT_ABOVE) {
            Callback.Completable.with(c -> session.sendText(frame, c)).join();
            return;
        }
        int third = frame.length() / 3;
        Callback.Completable.with(c -> session.sendPartialText(frame.substring(0, third), false, c)).join();
        Callback.Completable.with(c -> session.sendPartialText(frame.substring(third, 2 * third), false, c)).join();
        Callback.Completable.with(c -> session.sendPartialText(frame.substring(2 * third), true, c)).join();
    }

    @Override
    public void close() throws InterruptedException {
        pinger.shutdownNow();
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        app.stop();
    }
}
