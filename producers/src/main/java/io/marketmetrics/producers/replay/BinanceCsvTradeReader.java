package io.marketmetrics.producers.replay;

import io.marketmetrics.schema.Trade;
import java.io.IOException;

/**
 * Binance's trade CSV ({@code id,price,qty,quote_qty,time,is_buyer_maker}, and the
 * {@code is_best_match} column of the data.binance.vision dumps), with or without a header line;
 * the market comes from the command line. Times in milliseconds or, as in dumps since 2025,
 * microseconds.
 */
final class BinanceCsvTradeReader implements TradeReader {

    private final CsvLines lines;
    private final MarketSpec market;

    BinanceCsvTradeReader(CsvLines lines, MarketSpec market) {
        this.lines = lines;
        this.market = market;
    }

    @Override
    public Trade next() throws IOException, MalformedTradeException {
        String[] row = lines.next();
        if (row != null && lines.lineNumber() == 1 && "id".equalsIgnoreCase(row[0])) {
            row = lines.next(); // the optional header
        }
        if (row == null) {
            return null;
        }
        if (row.length != 6 && row.length != 7) {
            throw new MalformedTradeException(lines.location(),
                    "expected 6 or 7 fields (id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]), found " + row.length);
        }
        try {
            return market.trade(
                    FieldParsers.required("id", row[0]),
                    FieldParsers.decimal("price", row[1]),
                    FieldParsers.decimal("qty", row[2]),
                    FieldParsers.epoch("time", row[4]),
                    FieldParsers.buyerMaker("is_buyer_maker", row[5]));
        } catch (IllegalArgumentException e) {
            throw new MalformedTradeException(lines.location(), e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
