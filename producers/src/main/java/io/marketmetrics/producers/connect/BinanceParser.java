package io.marketmetrics.producers.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketmetrics.schema.TakerSide;
import java.util.List;

/**
 * Binance spot {@code @trade} payloads, bare or inside the combined-stream envelope
 * {@code {"stream":..,"data":{..}}}. {@code m} (buyer is maker) true means the taker sold.
 */
final class BinanceParser implements MessageParser {

    @Override
    public ParsedMessage parse(String text) throws MalformedMessageException {
        JsonNode root = JsonFields.parse(text);
        if (root.has("error")) {
            return ParsedMessage.venueError(root.get("error").toString());
        }
        if (root.has("result") && root.has("id")) {
            return ParsedMessage.control(); // subscription acknowledgement
        }
        JsonNode data = root.has("data") ? root.get("data") : root;
        if (!"trade".equals(JsonFields.optionalText(data, "e"))) {
            return ParsedMessage.unknown();
        }
        JsonNode buyerIsMaker = data.get("m");
        if (buyerIsMaker == null || !buyerIsMaker.isBoolean()) {
            throw new MalformedMessageException("missing boolean field 'm'");
        }
        return ParsedMessage.trades(List.of(new VenueTrade(
                JsonFields.text(data, "s"),
                JsonFields.decimal(data, "p"),
                JsonFields.decimal(data, "q"),
                JsonFields.text(data, "t"),
                buyerIsMaker.booleanValue() ? TakerSide.SELL : TakerSide.BUY,
                JsonFields.longValue(data, "T"))));
    }
}
