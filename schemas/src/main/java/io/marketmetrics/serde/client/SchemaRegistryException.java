package io.marketmetrics.serde.client;

/**
 * A registry request that failed: refused by the registry (with its HTTP status and Confluent error
 * code) or without an answer ({@link #httpStatus()} 0).
 */
public final class SchemaRegistryException extends RuntimeException {

    private final String registryUrl;
    private final String subject;
    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String registryUrl, String subject, int httpStatus, int errorCode,
                                   String registryMessage, Throwable cause) {
        super(describe(registryUrl, subject, httpStatus, errorCode, registryMessage), cause);
        this.registryUrl = registryUrl;
        this.subject = subject;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    private static String describe(String url, String subject, int httpStatus, int errorCode, String message) {
        String where = "Schema registry " + url + (subject == null ? "" : ", subject '" + subject + "'");
        String status = httpStatus == 0 ? "no answer" : "HTTP " + httpStatus + ", error code " + errorCode;
        return where + ": " + status + ": " + message;
    }

    public String registryUrl() {
        return registryUrl;
    }

    /** The subject of the request, or null when it had none (e.g. fetch by id). */
    public String subject() {
        return subject;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent error code, e.g. 40401 subject not found, 40403 schema not found, 409 incompatible. */
    public int errorCode() {
        return errorCode;
    }
}
