package io.marketmetrics.app.topology.hygiene;

/**
 * Thrown by the hygiene step for a trade that must go to the dead-letter topic. Going through Kafka
 * Streams' processing-exception handler is what gives the dead letter the record's original key and
 * value bytes; no stack trace is filled in, as this is an expected outcome, not a failure.
 */
public final class RejectedTradeException extends RuntimeException {

    private final RejectReason reason;

    public RejectedTradeException(RejectReason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
