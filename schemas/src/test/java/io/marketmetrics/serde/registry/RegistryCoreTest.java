package io.marketmetrics.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryCoreTest {

    private static final String V1 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    /** V1 plus an optional field: BACKWARD and FORWARD compatible. */
    private static final String V2 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    /** V1 plus a required field: not BACKWARD compatible (new readers cannot read old data). */
    private static final String REQUIRED_B = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\","
            + "\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}]}";
    /** V1 without its field: BACKWARD compatible (the reader ignores a), not FORWARD (old readers need a). */
    private static final String EMPTY = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}";

    private static RegistryError errorOf(Runnable call) {
        try {
            call.run();
        } catch (RegistryException e) {
            return e.error();
        }
        throw new AssertionError("expected a RegistryException");
    }

    @Test
    void idsAreRegistryWideAndVersionsPerSubject() {
        RegistryCore registry = RegistryCore.inMemory();
        assertThat(registry.register("a-value", V1)).isEqualTo(new RegisteredSchema("a-value", 1, 1, parsed(V1)));
        assertThat(registry.register("a-value", V2).id()).isEqualTo(2);
        assertThat(registry.register("b-value", V1)).isEqualTo(new RegisteredSchema("b-value", 1, 1, parsed(V1)));
        assertThat(registry.register("a-value", V1).version()).as("re-registering returns the version").isEqualTo(1);

        assertThat(registry.subjects()).containsExactly("a-value", "b-value");
        assertThat(registry.versions("a-value")).containsExactly(1, 2);
        assertThat(registry.version("a-value", "latest").id()).isEqualTo(2);
        assertThat(registry.version("a-value", "1").id()).isEqualTo(1);
        assertThat(registry.lookup("b-value", V1).version()).isEqualTo(1);
        assertThat(registry.usesOf(1)).extracting(RegisteredSchema::subject).containsExactly("a-value", "b-value");
        assertThat(registry.schemaById(2)).isEqualTo(parsed(V2));
    }

    @Test
    void backwardIsTheDefaultAndLevelsChangeTheCheck() {
        RegistryCore registry = RegistryCore.inMemory();
        registry.register("s", V1);
        assertThat(errorOf(() -> registry.register("s", REQUIRED_B))).isEqualTo(RegistryError.INCOMPATIBLE_SCHEMA);
        assertThat(registry.incompatibilities("s", "latest", EMPTY)).isEmpty();

        registry.setSubjectLevel("s", CompatibilityLevel.FORWARD);
        assertThat(registry.incompatibilities("s", "latest", EMPTY)).hasSize(1);
        assertThat(registry.incompatibilities("s", "latest", REQUIRED_B)).isEmpty();
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);

        registry.setGlobalLevel(CompatibilityLevel.NONE);
        registry.setSubjectLevel("s", CompatibilityLevel.FULL);
        assertThat(registry.incompatibilities("s", null, EMPTY)).isNotEmpty();
        assertThat(registry.incompatibilities("s", null, V2)).isEmpty();
        assertThat(registry.compatibilityLevel("other")).isEqualTo(CompatibilityLevel.NONE);
    }

    @Test
    void transitiveLevelsCheckEveryVersion() {
        RegistryCore registry = RegistryCore.inMemory();
        registry.register("s", V1);
        registry.register("s", EMPTY);
        // Reads EMPTY data (a takes its default) but not V1 data (an int is no string).
        String optionalStringA = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\","
                + "\"type\":[\"null\",\"string\"],\"default\":null}]}";
        assertThat(registry.incompatibilities("s", null, optionalStringA)).isEmpty();
        registry.setSubjectLevel("s", CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(registry.incompatibilities("s", null, optionalStringA)).hasSize(1);
        assertThat(errorOf(() -> registry.register("s", optionalStringA))).isEqualTo(RegistryError.INCOMPATIBLE_SCHEMA);
    }

    @Test
    void refusalsCarryConfluentErrors() {
        RegistryCore registry = RegistryCore.inMemory();
        registry.register("s", V1);
        assertThat(errorOf(() -> registry.versions("nope"))).isEqualTo(RegistryError.SUBJECT_NOT_FOUND);
        assertThat(errorOf(() -> registry.version("s", "7"))).isEqualTo(RegistryError.VERSION_NOT_FOUND);
        assertThat(errorOf(() -> registry.version("s", "0"))).isEqualTo(RegistryError.INVALID_VERSION);
        assertThat(errorOf(() -> registry.version("s", "x"))).isEqualTo(RegistryError.INVALID_VERSION);
        assertThat(errorOf(() -> registry.schemaById(9))).isEqualTo(RegistryError.SCHEMA_NOT_FOUND);
        assertThat(errorOf(() -> registry.lookup("s", V2))).isEqualTo(RegistryError.SCHEMA_NOT_FOUND);
        assertThat(errorOf(() -> registry.lookup("nope", V1))).isEqualTo(RegistryError.SUBJECT_NOT_FOUND);
        assertThat(errorOf(() -> registry.incompatibilities("nope", "1", V1))).isEqualTo(RegistryError.SUBJECT_NOT_FOUND);
        assertThat(registry.incompatibilities("nope", "latest", V1)).as("nothing to be incompatible with").isEmpty();
        assertThat(errorOf(() -> registry.register("s", "{not json"))).isEqualTo(RegistryError.INVALID_SCHEMA);
        assertThat(errorOf(() -> registry.register("s", "{\"type\":\"nope\"}"))).isEqualTo(RegistryError.INVALID_SCHEMA);
        assertThat(errorOf(() -> registry.register("s", "{\"type\":\"record\",\"name\":\"R\",\"fields\":"
                + "[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}"))).isEqualTo(RegistryError.INVALID_SCHEMA);
        assertThat(errorOf(() -> CompatibilityLevel.parse("SIDEWAYS")))
                .isEqualTo(RegistryError.INVALID_COMPATIBILITY_LEVEL);
        assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }

    @Test
    void replayingTheJournalRebuildsTheSameState() {
        List<RegistryEvent> journal = new ArrayList<>();
        RegistryCore original = new RegistryCore(journal::add);
        original.register("a-value", V1);
        original.register("a-value", V2);
        original.register("b-value", V2);
        original.setGlobalLevel(CompatibilityLevel.FULL);
        original.setSubjectLevel("b-value", CompatibilityLevel.NONE);
        assertThat(journal).hasSize(5);

        RegistryCore replayed = RegistryCore.inMemory();
        journal.forEach(replayed::apply);
        journal.forEach(replayed::apply); // a store may hand an event back twice
        assertThat(replayed.subjects()).isEqualTo(original.subjects());
        assertThat(replayed.versions("a-value")).containsExactly(1, 2);
        assertThat(replayed.version("b-value", "1")).isEqualTo(original.version("b-value", "1"));
        assertThat(replayed.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(replayed.subjectLevel("b-value")).contains(CompatibilityLevel.NONE);
        assertThat(replayed.register("c-value", EMPTY).id()).as("ids continue after the replayed ones").isEqualTo(3);
    }

    @Test
    void aFailingJournalLeavesTheStateUnchanged() {
        RegistryCore registry = new RegistryCore(event -> {
            throw new RegistryException(RegistryError.STORE_ERROR, "store down");
        });
        assertThat(errorOf(() -> registry.register("s", V1))).isEqualTo(RegistryError.STORE_ERROR);
        assertThat(registry.subjects()).isEmpty();
        assertThat(errorOf(() -> registry.schemaById(1))).isEqualTo(RegistryError.SCHEMA_NOT_FOUND);
    }

    private static String parsed(String schema) {
        return new org.apache.avro.Schema.Parser().parse(schema).toString();
    }
}
