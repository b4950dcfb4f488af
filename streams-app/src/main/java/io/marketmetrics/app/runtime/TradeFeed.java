package io.marketmetrics.app.runtime;

import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.TradeSource;
import io.marketmetrics.producers.kafka.PublishTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trade source running in the background into a publisher of its own: the demo's simulator or
 * one replayed file. Closing it stops the source and flushes every trade it handed over.
 */
public final class TradeFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TradeFeed.class);

    private final TradeSource source;
    private final TradePublisher publisher;
    private final Thread thread;

    private TradeFeed(TradeSource source, PublishTarget target) {
        this.source = source;
        this.publisher = new TradePublisher(target);
        this.thread = new Thread(this::run, "feed-" + source.describe());
    }

    public static TradeFeed start(TradeSource source, PublishTarget target) {
        TradeFeed feed = new TradeFeed(source, target);
        feed.thread.start();
        return feed;
    }

    private void run() {
        try {
            source.run(publisher);
            log.info("{} finished: {} trades published", source.describe(), publisher.sent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("{} stopped: {}", source.describe(), e.getMessage(), e);
        }
    }

    public String describe() {
        return source.describe();
    }

    /** Trades acknowledged by the broker so far. */
    public long sent() {
        return publisher.sent();
    }

    /** Stops the source, waits for it, and flushes what it published. */
    @Override
    public void close() throws Exception {
        source.close();
        thread.join();
        try {
            publisher.flush();
        } finally {
            publisher.close();
        }
    }
}
