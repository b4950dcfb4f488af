package io.marketmetrics.producers.replay;

import io.marketmetrics.cli.UserError;
import io.marketmetrics.producers.Pacer;
import io.marketmetrics.producers.TradeSink;
import io.marketmetrics.producers.TradeSource;
import io.marketmetrics.schema.Trade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a trade file: each trade in file order, paced by event time at the chosen speed. A
 * malformed row is logged with its line number, skipped and counted, or, when strict, stops the
 * replay with that error.
 */
public final class ReplaySource implements TradeSource {

    private static final Logger LOG = LoggerFactory.getLogger(ReplaySource.class);
    /** Past this many, malformed rows are only counted: a broken file must not flood the terminal. */
    private static final int LOGGED_MALFORMED = 20;

    private final ReplayOptions options;
    private final Pacer pacer;
    private final String name;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final long fileSize;
    private volatile boolean closed;

    public ReplaySource(ReplayOptions options) {
        this(options, new Pacer(options.speed()));
    }

    ReplaySource(ReplayOptions options, Pacer pacer) {
        this.options = options;
        this.pacer = pacer;
        this.name = String.valueOf(options.file().getFileName());
        long size;
        try {
            size = Files.size(options.file());
        } catch (NoSuchFileException e) {
            throw new UserError("trade file not found: " + options.file());
        } catch (IOException e) {
            throw new UserError("cannot read trade file " + options.file() + ": " + e.getMessage());
        }
        this.fileSize = size;
    }

    @Override
    public String describe() {
        return "replay " + name;
    }

    /**
     * @throws UserError on a malformed row when strict, on a file that cannot be read on, or on a bad
     *     --format/--symbol combination
     */
    @Override
    public void run(TradeSink sink) throws InterruptedException {
        try (TradeReader reader = open()) {
            while (!closed) {
                Trade trade = nextTrade(reader);
                if (trade == null) {
                    break;
                }
                pacer.await(trade.getEventTime());
                sink.accept(trade);
                published.incrementAndGet();
            }
        } catch (IOException e) {
            throw new UserError(name + ": cannot read on after " + published.get() + " trades: " + e.getMessage(), e);
        }
        if (skipped.get() > 0) {
            LOG.warn("{}: skipped {} malformed row(s)", name, skipped.get());
        }
    }

    private TradeReader open() throws IOException {
        try {
            return TradeFiles.open(options.file(), options.format(), options.exchange(), options.symbol(), bytesRead);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        } catch (MalformedTradeException e) {
            throw new UserError(name + " " + e.getMessage(), e); // a bad header: nothing after it can be read
        }
    }

    private Trade nextTrade(TradeReader reader) throws IOException {
        while (true) {
            try {
                return reader.next();
            } catch (MalformedTradeException e) {
                if (options.strict()) {
                    throw new UserError(name + " " + e.getMessage() + " (stopped: --strict)", e);
                }
                long count = skipped.incrementAndGet();
                if (count <= LOGGED_MALFORMED) {
                    LOG.warn("{} {} (skipped{})", name, e.getMessage(),
                            count == LOGGED_MALFORMED ? "; further malformed rows are only counted" : "");
                }
            }
        }
    }

    /** Trades handed to the sink. */
    public long published() {
        return published.get();
    }

    /** Malformed rows skipped. */
    public long skipped() {
        return skipped.get();
    }

    /** The fraction of the file read, 0 to 1 (of the compressed bytes for a gzip file). */
    public double progress() {
        return fileSize == 0 ? 1.0 : Math.min(1.0, (double) bytesRead.get() / fileSize);
    }

    @Override
    public void close() {
        closed = true;
    }
}
