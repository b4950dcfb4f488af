package io.marketmetrics.producers.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** OKX v5 {@code trades} pushes, {@code event} responses, and the bare {@code pong} text. */
final class OkxParser implements MessageParser {

    @Override
    public ParsedMessage parse(String text) throws MalformedMessageException {
        if (text.equals("pong")) {
            return ParsedMessage.control();
        }
        JsonNode root = JsonFields.parse(text);
        String event = JsonFields.optionalText(root, "event");
        if (event.equals("error")) {
            return ParsedMessage.venueError(root.toString());
        }
        if (!event.isEmpty()) {
            return ParsedMessage.control(); // subscribe, notice
        }
        JsonNode arg = root.get("arg");
        if (arg == null || !"trades".equals(JsonFields.optionalText(arg, "channel"))) {
            return ParsedMessage.unknown();
        }
        List<VenueTrade> trades = new ArrayList<>();
        for (JsonNode trade : JsonFields.array(root, "data")) {
            trades.add(new VenueTrade(
                    JsonFields.text(trade, "instId"),
                    JsonFields.decimal(trade, "px"),
                    JsonFields.decimal(trade, "sz"),
                    JsonFields.text(trade, "tradeId"),
                    JsonFields.takerSide(trade, "side"),
                    JsonFields.longValue(trade, "ts")));
        }
        return ParsedMessage.trades(trades);
    }
}
