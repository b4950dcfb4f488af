package io.marketmetrics.producers.replay;

import io.marketmetrics.schema.Trade;
import java.io.Closeable;
import java.io.IOException;

/** Reads the trades of one file format, in file order. */
interface TradeReader extends Closeable {

    /**
     * The next trade, or null at the end of the file.
     *
     * @throws MalformedTradeException for a row that is not a trade (the next call reads the row after it)
     * @throws IOException when the file cannot be read any further (including broken JSON syntax)
     */
    Trade next() throws IOException, MalformedTradeException;
}
