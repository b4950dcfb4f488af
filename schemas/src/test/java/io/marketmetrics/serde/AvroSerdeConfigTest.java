package io.marketmetrics.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    private static void assertRefused(Map<String, Object> config, String messagePart) {
        assertThatThrownBy(() -> new KafkaAvroSerializer().configure(config, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void aRegistryUrlIsRequired() {
        assertRefused(Map.of(), "schema.registry.url");
        assertRefused(Map.of("schema.registry.url", "localhost:8081"), "expected http(s)://host[:port] or mock://SCOPE");
    }

    @Test
    void unsupportedConfluentOptionsAreRefusedNotIgnored() {
        assertRefused(Map.of("schema.registry.url", "mock://x",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                "value.subject.name.strategy");
        assertRefused(Map.of("schema.registry.url", "http://127.0.0.1:8081",
                "basic.auth.credentials.source", "SASL_INHERIT"), "basic.auth.credentials.source");
        assertRefused(Map.of("schema.registry.url", "http://127.0.0.1:8081",
                "basic.auth.credentials.source", "USER_INFO"), "basic.auth.user.info=user:password");
    }
}
