package io.marketmetrics.serde.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketmetrics.serde.registry.RegisteredSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API over {@code java.net.http}: timeouts, retries with
 * exponential backoff on 5xx answers and connection errors (every request it makes is idempotent:
 * registering a known schema returns its id), and on 4xx a {@link SchemaRegistryException} naming the
 * registry, the subject and the registry's error code and message.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private final RestClientSettings settings;
    private final HttpClient http;
    private final String authorization;

    public RestSchemaRegistryClient(RestClientSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.authorization = settings.userInfo() == null ? null : "Basic "
                + Base64.getEncoder().encodeToString(settings.userInfo().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int register(String subject, Schema schema) {
        return send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema), subject).get("id").asInt();
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        return send("POST", "/subjects/" + encode(subject), schemaBody(schema), subject).get("id").asInt();
    }

    @Override
    public Schema schemaById(int id) {
        return new Schema.Parser().parse(send("GET", "/schemas/ids/" + id, null, null).get("schema").asText());
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null, subject);
        return new RegisteredSchema(answer.get("subject").asText(), answer.get("version").asInt(),
                answer.get("id").asInt(), answer.get("schema").asText());
    }

    @Override
    public String url() {
        return settings.urls().get(0).toString();
    }

    private JsonNode send(String method, String path, String body, String subject) {
        Exception lastFailure = null;
        String lastUrl = url();
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (attempt > 0) {
                pause(settings.backoff(attempt), lastUrl, subject);
            }
            URI base = settings.urls().get(attempt % settings.urls().size());
            lastUrl = base.toString();
            HttpResponse<String> response;
            try {
                response = http.send(request(method, base, path, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                LOG.warn("Schema registry {} {} {} failed (attempt {}): {}", base, method, path, attempt + 1, e.toString());
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(lastUrl, subject, 0, 0, "interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body(), lastUrl, subject);
            }
            SchemaRegistryException refusal = refusal(lastUrl, subject, response);
            if (status < 500) {
                throw refusal;
            }
            LOG.warn("{} (attempt {})", refusal.getMessage(), attempt + 1);
            lastFailure = refusal;
        }
        // A connection error's message may be null: its class name then says what happened.
        String reason = lastFailure instanceof SchemaRegistryException ? lastFailure.getMessage() : lastFailure.toString();
        throw new SchemaRegistryException(lastUrl, subject, 0, 0, method + " " + path + " failed after "
                + (settings.maxRetries() + 1) + " attempts: " + reason, lastFailure);
    }

    private HttpRequest request(String method, URI base, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stripSlash(base.toString()) + path))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static SchemaRegistryException refusal(String url, String subject, HttpResponse<String> response) {
        int code = response.statusCode();
        String message = response.body();
        try {
            JsonNode error = JSON.readTree(response.body());
            if (error != null && error.has("error_code")) {
                code = error.get("error_code").asInt();
                message = error.path("message").asText();
            }
        } catch (JsonProcessingException e) {
            // not a Confluent error body (e.g. a proxy's HTML page): report the body as it is
        }
        return new SchemaRegistryException(url, subject, response.statusCode(), code, message, null);
    }

    private static JsonNode parse(String body, String url, String subject) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(url, subject, 200, 0, "answer is not JSON: " + body, e);
        }
    }

    private static String schemaBody(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration wait, String url, String subject) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(url, subject, 0, 0, "interrupted while waiting to retry", e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
