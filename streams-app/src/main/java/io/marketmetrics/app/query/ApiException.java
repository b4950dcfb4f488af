package io.marketmetrics.app.query;

/**
 * An answer other than 200, with the message the client sees: rendered by {@link ApiServer} as
 * {@code {"error": message, "status": status}}.
 */
public final class ApiException extends RuntimeException {

    private final int status;

    private ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** The store cannot be read right now (rebalance, restore, owner unreachable): retry later. */
    public static ApiException unavailable(String message) {
        return new ApiException(503, message);
    }

    public int status() {
        return status;
    }
}
