package io.marketmetrics.app.query;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A list gathered from every instance that holds a part of a store, with ONE call per instance (never
 * one per item): each is asked, on its internal endpoint, for exactly the partitions the group metadata
 * says it holds, and answers 503 if it no longer does; so the merged list has every partition once, or
 * the request fails with 503. Never a silently short list.
 */
final class ClusterList {

    /** One instance's share: the items it found (at most the limit asked) and how many matched in all. */
    record Part(long total, List<JsonNode> items) {
    }

    private final StoreRouter router;
    private final Forwarder forwarder;
    private final ObjectMapper json;

    ClusterList(StoreRouter router, Forwarder forwarder, ObjectMapper json) {
        this.router = router;
        this.forwarder = forwarder;
        this.json = json;
    }

    /**
     * @param internalPath the internal endpoint that runs {@code local} on the instance asked
     * @param params       query parameters passed on to it, besides {@code partitions}
     * @param local        this instance's share for the given partitions
     */
    Part gather(String store, String internalPath, Map<String, String> params, Function<Set<Integer>, Part> local) {
        Map<HostInfo, Set<Integer>> owners = router.partitionsByInstance(store);
        Map<HostInfo, CompletableFuture<HttpResponse<String>>> remote = new LinkedHashMap<>();
        owners.forEach((instance, partitions) -> {
            if (!instance.equals(router.self())) {
                remote.put(instance, forwarder.get(instance, internalPath + "?" + query(partitions, params)));
            }
        });
        long total = 0;
        List<JsonNode> items = new ArrayList<>();
        Set<Integer> mine = owners.get(router.self());
        if (mine != null) {
            Part part = local.apply(mine);
            total += part.total();
            items.addAll(part.items());
        }
        for (Map.Entry<HostInfo, CompletableFuture<HttpResponse<String>>> e : remote.entrySet()) {
            Part part = read(e.getKey(), e.getValue());
            total += part.total();
            items.addAll(part.items());
        }
        return new Part(total, items);
    }

    /** The JSON body of an internal endpoint's answer. */
    Map<String, Object> body(Part part) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", part.total());
        body.put("items", part.items());
        return body;
    }

    JsonNode tree(Object view) {
        return json.valueToTree(view);
    }

    private Part read(HostInfo instance, CompletableFuture<HttpResponse<String>> call) {
        HttpResponse<String> response;
        try {
            response = call.get();
        } catch (ExecutionException e) {
            throw Forwarder.unreachable(instance, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while gathering a list");
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200) {
                throw ApiException.unavailable("instance " + instance.host() + ":" + instance.port() + " answered "
                        + response.statusCode() + ": " + body.path("error").asText());
            }
            List<JsonNode> items = new ArrayList<>();
            body.get("items").forEach(items::add);
            return new Part(body.get("total").asLong(), items);
        } catch (JsonProcessingException | NullPointerException e) {
            throw ApiException.unavailable("instance " + instance.host() + ":" + instance.port() + " answered an unreadable list");
        }
    }

    private static String query(Set<Integer> partitions, Map<String, String> params) {
        StringBuilder q = new StringBuilder("partitions=")
                .append(partitions.stream().map(String::valueOf).collect(Collectors.joining(",")));
        params.forEach((k, v) -> q.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }
}
