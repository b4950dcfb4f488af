package io.marketmetrics.producers.connect;

/** A venue message that cannot be read; the connector counts it, logs it and goes on. */
public final class MalformedMessageException extends Exception {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
