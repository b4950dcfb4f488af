package io.marketmetrics.app.topology.hygiene;

/** Why a record of {@code trades} went to the dead-letter topic (header {@value DeadLetterHandler#REASON_HEADER}). */
public enum RejectReason {
    /** The record's bytes are not a Trade. */
    DESERIALIZATION,
    /** A record without a value. */
    MISSING_VALUE,
    /** Price not a finite number > 0. */
    INVALID_PRICE,
    /** Quantity not a finite number > 0. */
    INVALID_QUANTITY,
    /** Exchange id breaks {@code [a-z0-9-]{1,32}}. */
    INVALID_EXCHANGE,
    /** Base or quote breaks {@code [A-Z0-9.]{1,20}}. */
    INVALID_SYMBOL,
    /** Base equals quote. */
    SAME_BASE_AND_QUOTE,
    /** Event time before 2009-01-03 (the first block). */
    TIME_BEFORE_2009,
    /** Event time more than the tolerance ahead of the processing machine's clock. */
    TIME_IN_FUTURE,
    /**
     * The record key is not the trade's base asset: the asset's state lives in the key's partition, so a
     * mis-keyed trade would split an asset across tasks (INTERFACES.md: {@code trades} is keyed by base).
     */
    KEY_NOT_BASE,
    /** Older than the partition's stream time minus the grace period. */
    LATE,
    /** Processing failed unexpectedly (a bug): kept with its exception for inspection. */
    PROCESSING
}
