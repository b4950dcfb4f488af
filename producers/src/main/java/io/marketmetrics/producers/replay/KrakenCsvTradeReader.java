package io.marketmetrics.producers.replay;

import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Kraken's "time and sales" CSV, {@code unix_seconds,price,volume} without a header (seconds may
 * carry a fraction); the market comes from the command line. The rows carry neither a trade id nor
 * a side: the id is {@code <seconds>-<line>}, the same on every replay of the file so that the
 * pipeline's dedupe recognises a second replay, and the side is unknown.
 */
final class KrakenCsvTradeReader implements TradeReader {

    private final CsvLines lines;
    private final MarketSpec market;

    KrakenCsvTradeReader(CsvLines lines, MarketSpec market) {
        this.lines = lines;
        this.market = market;
    }

    @Override
    public Trade next() throws IOException, MalformedTradeException {
        String[] row = lines.next();
        if (row == null) {
            return null;
        }
        if (row.length != 3) {
            throw new MalformedTradeException(lines.location(), "expected 3 fields (unix_seconds,price,volume), found "
                    + row.length);
        }
        try {
            Instant time = seconds(row[0]);
            return market.trade(row[0] + "-" + lines.lineNumber(), FieldParsers.decimal("price", row[1]),
                    FieldParsers.decimal("volume", row[2]), time, TakerSide.UNKNOWN);
        } catch (IllegalArgumentException e) {
            throw new MalformedTradeException(lines.location(), e.getMessage());
        }
    }

    /** Epoch seconds, possibly fractional, to the millisecond (exactly, through the decimal). */
    private static Instant seconds(String text) {
        FieldParsers.decimal("unix_seconds", text);
        try {
            return Instant.ofEpochMilli(new BigDecimal(text.trim()).movePointRight(3).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("unix_seconds: not a time in whole milliseconds: \"" + text + "\"");
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
