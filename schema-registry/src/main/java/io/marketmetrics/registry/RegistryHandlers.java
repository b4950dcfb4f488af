package io.marketmetrics.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.marketmetrics.serde.registry.CompatibilityLevel;
import io.marketmetrics.serde.registry.RegisteredSchema;
import io.marketmetrics.serde.registry.RegistryCore;
import io.marketmetrics.serde.registry.RegistryError;
import io.marketmetrics.serde.registry.RegistryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subset of the Confluent Schema Registry REST API that Confluent clients use, with its JSON
 * shapes, content type and error bodies ({@code {"error_code":40401,"message":"..."}}); the
 * semantics are {@link RegistryCore}'s.
 */
final class RegistryHandlers {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHandlers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryCore registry;

    RegistryHandlers(RegistryCore registry) {
        this.registry = registry;
    }

    void install(RoutesConfig routes) {
        routes.get("/", ctx -> reply(ctx, Map.of()));
        routes.get("/subjects", ctx -> reply(ctx, registry.subjects()));
        routes.get("/subjects/{subject}/versions", ctx -> reply(ctx, registry.versions(subject(ctx))));
        routes.post("/subjects/{subject}/versions", ctx ->
                reply(ctx, Map.of("id", registry.register(subject(ctx), schemaOf(ctx)).id())));
        routes.get("/subjects/{subject}/versions/{version}", ctx ->
                reply(ctx, versionBody(registry.version(subject(ctx), ctx.pathParam("version")))));
        routes.post("/subjects/{subject}", ctx -> reply(ctx, versionBody(registry.lookup(subject(ctx), schemaOf(ctx)))));
        routes.get("/schemas/ids/{id}", ctx -> reply(ctx, Map.of("schema", registry.schemaById(id(ctx)))));
        routes.get("/schemas/ids/{id}/versions", ctx -> reply(ctx, registry.usesOf(id(ctx)).stream()
                .map(RegistryHandlers::subjectVersion).toList()));
        routes.post("/compatibility/subjects/{subject}/versions/{version}", ctx ->
                compatibility(ctx, ctx.pathParam("version")));
        routes.post("/compatibility/subjects/{subject}/versions", ctx -> compatibility(ctx, null));
        routes.get("/config", ctx -> reply(ctx, Map.of("compatibilityLevel", registry.globalLevel().name())));
        routes.put("/config", ctx -> {
            CompatibilityLevel level = levelOf(ctx);
            registry.setGlobalLevel(level);
            reply(ctx, Map.of("compatibility", level.name()));
        });
        routes.get("/config/{subject}", this::subjectLevel);
        routes.put("/config/{subject}", ctx -> {
            CompatibilityLevel level = levelOf(ctx);
            registry.setSubjectLevel(subject(ctx), level);
            reply(ctx, Map.of("compatibility", level.name()));
        });
        routes.exception(RegistryException.class, (e, ctx) -> error(ctx, e.error().httpStatus(), e.error().code(),
                e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Registry request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, 50001, "Error in the backend data store: " + e.getMessage());
        });
    }

    private void compatibility(Context ctx, String version) {
        List<String> problems = registry.incompatibilities(subject(ctx), version, schemaOf(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", problems.isEmpty());
        if ("true".equals(ctx.queryParam("verbose"))) {
            body.put("messages", problems);
        }
        reply(ctx, body);
    }

    private void subjectLevel(Context ctx) {
        String subject = subject(ctx);
        CompatibilityLevel level = registry.subjectLevel(subject)
                .or(() -> "true".equals(ctx.queryParam("defaultToGlobal"))
                        ? Optional.of(registry.globalLevel()) : Optional.empty())
                .orElseThrow(() -> new RegistryException(RegistryError.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                        "Subject '" + subject + "' does not have subject-level compatibility configured"));
        reply(ctx, Map.of("compatibilityLevel", level.name()));
    }

    private static Map<String, Object> subjectVersion(RegisteredSchema schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", schema.subject());
        body.put("version", schema.version());
        return body;
    }

    private static Map<String, Object> versionBody(RegisteredSchema schema) {
        Map<String, Object> body = subjectVersion(schema);
        body.put("id", schema.id());
        body.put("schema", schema.schema());
        return body;
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static int id(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new RegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
    }

    /** The Avro schema text of a registration, lookup or compatibility request. */
    private static String schemaOf(Context ctx) {
        JsonNode body = body(ctx);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: schema type " + type
                    + " is not supported, only AVRO");
        }
        if (body.path("references").size() > 0) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: schema references are not"
                    + " supported; register self-contained schemas");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: the request has no \"schema\"");
        }
        return schema.asText();
    }

    private static CompatibilityLevel levelOf(Context ctx) {
        return CompatibilityLevel.parse(body(ctx).path("compatibility").asText(null));
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new RegistryException(RegistryError.BAD_REQUEST, "The request body is not a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new RegistryException(RegistryError.BAD_REQUEST, "The request body is not JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static void error(Context ctx, int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        ctx.status(status);
        reply(ctx, body);
    }

    private static void reply(Context ctx, Object body) {
        try {
            ctx.contentType(CONTENT_TYPE).result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
