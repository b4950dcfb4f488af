package io.marketmetrics.producers.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Bybit v5 {@code publicTrade} pushes ({@code S} = taker side) and {@code op} responses. */
final class BybitParser implements MessageParser {

    @Override
    public ParsedMessage parse(String text) throws MalformedMessageException {
        JsonNode root = JsonFields.parse(text);
        if (root.has("op")) {
            JsonNode success = root.get("success");
            return success != null && !success.asBoolean()
                    ? ParsedMessage.venueError(root.toString())
                    : ParsedMessage.control(); // subscribe acknowledgement, pong
        }
        if (!JsonFields.optionalText(root, "topic").startsWith("publicTrade.")) {
            return ParsedMessage.unknown();
        }
        List<VenueTrade> trades = new ArrayList<>();
        for (JsonNode trade : JsonFields.array(root, "data")) {
            trades.add(new VenueTrade(
                    JsonFields.text(trade, "s"),
                    JsonFields.decimal(trade, "p"),
                    JsonFields.decimal(trade, "v"),
                    JsonFields.text(trade, "i"),
                    JsonFields.takerSide(trade, "S"),
                    JsonFields.longValue(trade, "T")));
        }
        return ParsedMessage.trades(trades);
    }
}
