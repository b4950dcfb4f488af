package io.marketmetrics.app.query;

/** Told of every HTTP request the API has answered, e.g. to time it for the operators' dashboards. */
@FunctionalInterface
public interface RequestListener {

    RequestListener NONE = (method, route, status, millis) -> { };

    /**
     * @param route  the matched route, e.g. {@code /api/v1/assets/{symbol}} (a bounded set), or
     *               {@link #UNMATCHED} when no route matched
     * @param millis from the request's arrival to its response written
     */
    void completed(String method, String route, int status, double millis);

    String UNMATCHED = "unmatched";
}
