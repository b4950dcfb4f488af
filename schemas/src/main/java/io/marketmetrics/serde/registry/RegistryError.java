package io.marketmetrics.serde.registry;

/** The Confluent Schema Registry error codes this registry answers with, and their HTTP status. */
public enum RegistryError {
    SUBJECT_NOT_FOUND(404, 40401),
    VERSION_NOT_FOUND(404, 40402),
    SCHEMA_NOT_FOUND(404, 40403),
    SUBJECT_COMPATIBILITY_NOT_CONFIGURED(404, 40408),
    INCOMPATIBLE_SCHEMA(409, 409),
    INVALID_SCHEMA(422, 42201),
    INVALID_VERSION(422, 42202),
    INVALID_COMPATIBILITY_LEVEL(422, 42203),
    /** A request body that is not the JSON the endpoint expects. */
    BAD_REQUEST(400, 400),
    STORE_ERROR(500, 50001);

    private final int httpStatus;
    private final int code;

    RegistryError(int httpStatus, int code) {
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code error_code} of the Confluent error body. */
    public int code() {
        return code;
    }
}
