package io.marketmetrics.producers.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Coinbase Advanced Trade {@code market_trades} messages: events of type {@code snapshot} (recent
 * trades, on subscribe) and {@code update}, each with {@code trades}. {@code side} is the taker's
 * side, as cryptofeed reads it.
 */
final class CoinbaseParser implements MessageParser {

    @Override
    public ParsedMessage parse(String text) throws MalformedMessageException {
        JsonNode root = JsonFields.parse(text);
        if ("error".equals(JsonFields.optionalText(root, "type"))) {
            return ParsedMessage.venueError(root.toString());
        }
        switch (JsonFields.optionalText(root, "channel")) {
            case "market_trades":
                break;
            case "heartbeats", "subscriptions":
                return ParsedMessage.control();
            default:
                return ParsedMessage.unknown();
        }
        List<VenueTrade> trades = new ArrayList<>();
        for (JsonNode event : JsonFields.array(root, "events")) {
            for (JsonNode trade : JsonFields.array(event, "trades")) {
                trades.add(new VenueTrade(
                        JsonFields.text(trade, "product_id"),
                        JsonFields.decimal(trade, "price"),
                        JsonFields.decimal(trade, "size"),
                        JsonFields.text(trade, "trade_id"),
                        JsonFields.takerSide(trade, "side"),
                        JsonFields.isoMillis(trade, "time")));
            }
        }
        return ParsedMessage.trades(trades);
    }
}
