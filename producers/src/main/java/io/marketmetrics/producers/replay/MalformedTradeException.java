package io.marketmetrics.producers.replay;

/** A row or record of a trade file that cannot be read as a trade; the reader can go on with the next. */
public final class MalformedTradeException extends Exception {

    public MalformedTradeException(String location, String reason) {
        super(location + ": " + reason);
    }
}
