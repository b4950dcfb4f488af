package io.marketmetrics.producers.connect;

import java.util.List;

/** What one text frame from a venue turned out to be. */
public record ParsedMessage(Kind kind, List<VenueTrade> trades, String detail) {

    public enum Kind {
        /** Carries trades (possibly none, e.g. an empty snapshot). */
        TRADES,
        /** Subscription acknowledgements, heartbeats, pongs, status: expected, nothing to publish. */
        CONTROL,
        /** The venue reports an error (e.g. an unknown symbol in a subscription). */
        VENUE_ERROR,
        /** Well-formed, but not a message this connector knows. */
        UNKNOWN
    }

    public static ParsedMessage trades(List<VenueTrade> trades) {
        return new ParsedMessage(Kind.TRADES, List.copyOf(trades), "");
    }

    public static ParsedMessage control() {
        return new ParsedMessage(Kind.CONTROL, List.of(), "");
    }

    public static ParsedMessage venueError(String detail) {
        return new ParsedMessage(Kind.VENUE_ERROR, List.of(), detail);
    }

    public static ParsedMessage unknown() {
        return new ParsedMessage(Kind.UNKNOWN, List.of(), "");
    }
}
