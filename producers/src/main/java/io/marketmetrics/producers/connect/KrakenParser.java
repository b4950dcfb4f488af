package io.marketmetrics.producers.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Kraken v2 messages: {@code trade} snapshots and updates (price and qty as JSON numbers, side of the
 * taker), {@code heartbeat} and {@code status} channels, and method responses.
 */
final class KrakenParser implements MessageParser {

    @Override
    public ParsedMessage parse(String text) throws MalformedMessageException {
        JsonNode root = JsonFields.parse(text);
        if (root.has("method")) {
            JsonNode success = root.get("success");
            return success != null && !success.asBoolean()
                    ? ParsedMessage.venueError(root.toString())
                    : ParsedMessage.control(); // subscribe acknowledgement, pong
        }
        switch (JsonFields.optionalText(root, "channel")) {
            case "trade":
                break;
            case "heartbeat", "status":
                return ParsedMessage.control();
            default:
                return ParsedMessage.unknown();
        }
        List<VenueTrade> trades = new ArrayList<>();
        for (JsonNode trade : JsonFields.array(root, "data")) {
            trades.add(new VenueTrade(
                    JsonFields.text(trade, "symbol"),
                    JsonFields.decimal(trade, "price"),
                    JsonFields.decimal(trade, "qty"),
                    JsonFields.text(trade, "trade_id"),
                    JsonFields.takerSide(trade, "side"),
                    JsonFields.isoMillis(trade, "timestamp")));
        }
        return ParsedMessage.trades(trades);
    }
}
