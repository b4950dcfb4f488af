package io.marketmetrics.producers.connect;

/** Turns one complete text message of a venue into trades or a classification; no I/O, no state. */
@FunctionalInterface
public interface MessageParser {

    /**
     * @throws MalformedMessageException when the text is not JSON or a trade message lacks a field
     *     or carries an unparsable value
     */
    ParsedMessage parse(String text) throws MalformedMessageException;
}
