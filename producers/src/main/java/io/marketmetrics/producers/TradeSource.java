package io.marketmetrics.producers;

/**
 * One source of trades (simulator, a file format, a venue connector): the small interface every
 * source implements, so that one publisher owns the Kafka producer for all of them.
 */
public interface TradeSource extends AutoCloseable {

    /** A short human description for logs and progress lines, e.g. {@code replay trades.csv}. */
    String describe();

    /**
     * Produces trades into the sink until the source is exhausted (a file) or closed (a live
     * feed, the simulator). Called once, on the caller's thread.
     */
    void run(TradeSink sink) throws Exception;

    /** Stops a running source; {@link #run} then returns. Idempotent. */
    @Override
    default void close() throws Exception {
    }
}
