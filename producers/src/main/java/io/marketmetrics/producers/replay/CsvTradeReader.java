package io.marketmetrics.producers.replay;

import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's own CSV (INTERFACES.md, "Trade files"): a header naming the columns
 * {@code timestamp,exchange,base,quote,price,quantity,trade_id,side} (in any order; {@code side}
 * may be left out), then one trade per line.
 */
final class CsvTradeReader implements TradeReader {

    static final List<String> HEADER = List.of("timestamp", "exchange", "base", "quote", "price", "quantity",
            "trade_id", "side");
    private static final List<String> REQUIRED = HEADER.subList(0, 7);

    private final CsvLines lines;
    private final Map<String, Integer> columns = new HashMap<>();

    CsvTradeReader(CsvLines lines) throws IOException, MalformedTradeException {
        this.lines = lines;
        String[] header = lines.next();
        if (header == null) {
            return; // an empty file holds no trades
        }
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i].toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new MalformedTradeException(lines.location(), "the header lacks column(s) " + String.join(", ", missing)
                    + "; expected " + String.join(",", HEADER));
        }
    }

    @Override
    public Trade next() throws IOException, MalformedTradeException {
        String[] row = lines.next();
        if (row == null) {
            return null;
        }
        if (row.length != columns.size()) {
            throw new MalformedTradeException(lines.location(), "expected " + columns.size() + " fields as in the header, found "
                    + row.length);
        }
        try {
            return Trade.newBuilder()
                    .setEventTime(FieldParsers.epochOrIso("timestamp", field(row, "timestamp")))
                    .setExchange(FieldParsers.required("exchange", field(row, "exchange")))
                    .setBase(FieldParsers.required("base", field(row, "base")))
                    .setQuote(FieldParsers.required("quote", field(row, "quote")))
                    .setPrice(FieldParsers.decimal("price", field(row, "price")))
                    .setQuantity(FieldParsers.decimal("quantity", field(row, "quantity")))
                    .setTradeId(FieldParsers.required("trade_id", field(row, "trade_id")))
                    .setSide(columns.containsKey("side") ? FieldParsers.side("side", field(row, "side")) : TakerSide.UNKNOWN)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new MalformedTradeException(lines.location(), e.getMessage());
        }
    }

    private String field(String[] row, String column) {
        return row[columns.get(column)];
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
