package io.marketmetrics.producers.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketmetrics.schema.TakerSide;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON reading shared by the venue parsers: required fields with clear errors. */
final class JsonFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {
    }

    static JsonNode parse(String text) throws MalformedMessageException {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String text(JsonNode node, String field) throws MalformedMessageException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isEmpty()) {
            throw new MalformedMessageException("missing field '" + field + "'");
        }
        return value.asText();
    }

    /**
     * A decimal given as text (most venues) or as a JSON number (Kraken v2), parsed with
     * {@link Double#parseDouble}: the nearest double to the decimal, as a Java literal of it gives.
     */
    static double decimal(JsonNode node, String field) throws MalformedMessageException {
        String text = text(node, field);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException("field '" + field + "' is not a number: " + text, e);
        }
    }

    /** An integer given as a JSON number or as digits in a string. */
    static long longValue(JsonNode node, String field) throws MalformedMessageException {
        String text = text(node, field);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException("field '" + field + "' is not an integer: " + text, e);
        }
    }

    /** An RFC 3339 UTC time such as {@code 2023-09-25T07:48:36.925533Z}, truncated to milliseconds. */
    static long isoMillis(JsonNode node, String field) throws MalformedMessageException {
        String text = text(node, field);
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("field '" + field + "' is not an ISO-8601 time: " + text, e);
        }
    }

    /** A taker side spelled {@code buy}/{@code sell} in any case. */
    static TakerSide takerSide(JsonNode node, String field) throws MalformedMessageException {
        String text = text(node, field);
        if (text.equalsIgnoreCase("buy")) {
            return TakerSide.BUY;
        }
        if (text.equalsIgnoreCase("sell")) {
            return TakerSide.SELL;
        }
        throw new MalformedMessageException("field '" + field + "' is not buy or sell: " + text);
    }

    static ArrayNode array(JsonNode node, String field) throws MalformedMessageException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new MalformedMessageException("missing array '" + field + "'");
        }
        return (ArrayNode) value;
    }

    static ObjectNode object(JsonNode node, String field) throws MalformedMessageException {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new MalformedMessageException("missing object '" + field + "'");
        }
        return (ObjectNode) value;
    }

    /** The text of a field, or empty when absent: for classifying control messages. */
    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** A JSON object of these keys and values in this order, for subscription messages. */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    /** Serializes subscription messages. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value, e);
        }
    }
}
