package io.marketmetrics.serde;

import io.marketmetrics.serde.client.RestClientSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The serde's configuration, with Confluent's keys and defaults so that an existing Confluent client
 * configuration works unchanged. Unknown keys (the producer's or consumer's own) are ignored.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's older name of {@link #BASIC_AUTH_USER_INFO}, still accepted. */
    public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** The only subject name strategy supported: {@code <topic>-key} / {@code <topic>-value}. */
    public static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    private static final String SOURCE_URL = "URL";
    private static final String SOURCE_USER_INFO = "USER_INFO";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, List.of(), Importance.HIGH,
                    "Comma-separated registry URLs, or mock://SCOPE for an in-process registry.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema under the subject when serializing.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Serialize with the subject's latest version; deserialize generic records into it.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserialize into generated SpecificRecord classes instead of GenericRecord.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, SOURCE_URL,
                    ConfigDef.ValidString.in(SOURCE_URL, SOURCE_USER_INFO), Importance.MEDIUM,
                    "Where basic-auth credentials come from: the URL's user info, or basic.auth.user.info.")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM, "user:password for basic auth.")
            .define(SCHEMA_REGISTRY_USER_INFO, Type.PASSWORD, null, Importance.LOW, "Older name of basic.auth.user.info.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY,
                    ConfigDef.ValidString.in(TOPIC_NAME_STRATEGY), Importance.LOW, "Key subject naming (topic only).")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY,
                    ConfigDef.ValidString.in(TOPIC_NAME_STRATEGY), Importance.LOW, "Value subject naming (topic only).")
            // Shorter than Confluent's 60 s: a registry that does not connect in 10 s is down, and the
            // retries below try the next URL sooner.
            .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Registry TCP connect timeout.")
            // Shorter than Confluent's 60 s for the same reason; a registry answers in milliseconds.
            .define(HTTP_READ_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Registry answer timeout.")
            .define(MAX_RETRIES, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Retries after 5xx answers, timeouts and connection errors.")
            .define(RETRIES_WAIT_MS, Type.LONG, 1_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "First retry backoff, doubled at every retry.")
            .define(RETRIES_MAX_WAIT_MS, Type.LONG, 20_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Cap of the retry backoff.");

    public AvroSerdeConfig(Map<String, ?> properties) {
        super(DEFINITION, properties, false);
    }

    /** The registry URLs as given, possibly empty (checked by whoever needs a registry). */
    public List<String> registryUrls() {
        return getList(SCHEMA_REGISTRY_URL);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    /** How the REST client reaches the registry: URLs without user info, credentials, timeouts, retries. */
    public RestClientSettings restClientSettings() {
        List<URI> urls = registryUrls().stream().map(AvroSerdeConfig::uri).toList();
        String userInfo = SOURCE_USER_INFO.equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE))
                ? configuredUserInfo()
                : urls.stream().map(URI::getUserInfo).filter(info -> info != null).findFirst().orElse(null);
        return new RestClientSettings(urls.stream().map(AvroSerdeConfig::withoutUserInfo).toList(), userInfo,
                Duration.ofMillis(getInt(HTTP_CONNECT_TIMEOUT_MS)), Duration.ofMillis(getInt(HTTP_READ_TIMEOUT_MS)),
                getInt(MAX_RETRIES), Duration.ofMillis(getLong(RETRIES_WAIT_MS)),
                Duration.ofMillis(getLong(RETRIES_MAX_WAIT_MS)));
    }

    private String configuredUserInfo() {
        Password info = getPassword(BASIC_AUTH_USER_INFO);
        Password older = getPassword(SCHEMA_REGISTRY_USER_INFO);
        Password chosen = info != null ? info : older;
        if (chosen == null || chosen.value().isBlank()) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=" + SOURCE_USER_INFO + " needs "
                    + BASIC_AUTH_USER_INFO + "=user:password");
        }
        return chosen.value();
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, url, "expected http(s)://host[:port] or mock://SCOPE");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URL: " + e.getMessage());
        }
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, uri.toString(), e.getMessage());
        }
    }
}
