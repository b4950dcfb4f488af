package io.marketmetrics.producers.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketmetrics.producers.VenueSymbols;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON array of trades, streamed one element at a time, each element in one of the shapes in which
 * Binance trades are saved:
 * <ul>
 *   <li>Binance REST aggTrades {@code {"a":26129,"p":"0.01633102","q":"4.70443515","T":1498793709153,"m":true,...}};
 *   <li>Binance REST trades {@code {"id":28457,"price":"4.00000100","qty":"12.00000000","time":1499865549590,"isBuyerMaker":true,...}};
 *   <li>ccxt trades {@code {"timestamp":..,"symbol":"XRP/ETH","id":"..","side":"buy","price":..,"amount":..}}
 *       (freqtrade's {@code *-trades.json}); the symbol names the market unless {@code --symbol} does;
 *   <li>freqtrade's compact rows {@code [timestamp, id, type, side, price, amount, cost]}.
 * </ul>
 * Numbers are read as decimals from the file's text, so each double is the one nearest the written value.
 */
final class BinanceJsonTradeReader implements TradeReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final JsonParser parser;
    private final String exchange;
    private final MarketSpec market;
    private long record;
    private JsonLocation location;

    /** @param market the market of every trade, or null to take it from each ccxt record's symbol */
    BinanceJsonTradeReader(InputStream in, String exchange, MarketSpec market) throws IOException {
        this.parser = MAPPER.createParser(in);
        this.exchange = exchange;
        this.market = market;
        JsonToken first = parser.nextToken();
        if (first != null && first != JsonToken.START_ARRAY) {
            throw new IOException("line " + parser.currentLocation().getLineNr() + ": expected a JSON array of trades, found "
                    + first);
        }
    }

    @Override
    public Trade next() throws IOException, MalformedTradeException {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.END_ARRAY) {
            return null;
        }
        record++;
        location = parser.currentTokenLocation();
        JsonNode node = MAPPER.readTree(parser);
        try {
            if (node.isArray()) {
                return compact(node);
            }
            if (node.has("a")) {
                return require(market).trade(text(node, "a"), decimal(node, "p"), decimal(node, "q"),
                        FieldParsers.epoch("T", text(node, "T")), FieldParsers.buyerMaker("m", text(node, "m")));
            }
            if (node.has("isBuyerMaker")) {
                return require(market).trade(text(node, "id"), decimal(node, "price"), decimal(node, "qty"),
                        FieldParsers.epoch("time", text(node, "time")),
                        FieldParsers.buyerMaker("isBuyerMaker", text(node, "isBuyerMaker")));
            }
            if (node.has("amount")) {
                return ccxt(node);
            }
            throw new IllegalArgumentException("not a trade in a known shape (Binance aggTrade, Binance trade, ccxt trade, "
                    + "freqtrade row): " + abbreviate(node));
        } catch (IllegalArgumentException e) {
            throw new MalformedTradeException(location(), e.getMessage());
        }
    }

    private Trade ccxt(JsonNode node) {
        MarketSpec spec = market;
        if (spec == null) {
            String symbol = text(node, "symbol");
            VenueSymbols.Pair pair = VenueSymbols.split(symbol)
                    .orElseThrow(() -> new IllegalArgumentException("symbol: cannot tell base and quote in \"" + symbol + "\""));
            spec = new MarketSpec(exchange, pair.base(), pair.quote());
        }
        return spec.trade(text(node, "id"), decimal(node, "price"), decimal(node, "amount"),
                FieldParsers.epoch("timestamp", text(node, "timestamp")), side(node.path("side")));
    }

    /** freqtrade's {@code [timestamp, id, type, side, price, amount, cost]}. */
    private Trade compact(JsonNode row) {
        if (row.size() < 6) {
            throw new IllegalArgumentException("expected [timestamp, id, type, side, price, amount, cost], found "
                    + abbreviate(row));
        }
        return require(market).trade(FieldParsers.required("id", row.get(1).asText()),
                FieldParsers.decimal("price", row.get(4).asText()), FieldParsers.decimal("amount", row.get(5).asText()),
                FieldParsers.epoch("timestamp", row.get(0).asText()), side(row.get(3)));
    }

    private static TakerSide side(JsonNode side) {
        return side.isNull() || side.isMissingNode() ? TakerSide.UNKNOWN : FieldParsers.side("side", side.asText());
    }

    private static MarketSpec require(MarketSpec market) {
        if (market == null) {
            throw new IllegalArgumentException("these records do not name their market: give --symbol (and --exchange)");
        }
        return market;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value.asText();
    }

    /** A decimal written as a JSON string or number; a number's text is its exact BigDecimal. */
    private static double decimal(JsonNode node, String field) {
        return FieldParsers.decimal(field, text(node, field));
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private String location() {
        return "record " + record + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
