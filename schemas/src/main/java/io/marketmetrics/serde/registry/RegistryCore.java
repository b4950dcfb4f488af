package io.marketmetrics.serde.registry;

import io.marketmetrics.serde.registry.RegistryEvent.CompatibilitySet;
import io.marketmetrics.serde.registry.RegistryEvent.SchemaRegistered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The semantics of a Confluent-compatible schema registry, in one place for the in-process mock
 * registry and the REST server: subjects with 1-based versions, registry-wide schema ids (one id per
 * distinct schema text, shared across subjects), lookup, compatibility levels per subject with a
 * global default (BACKWARD), and checks with Avro's own schema compatibility rules.
 *
 * <p>Every change goes to the {@link RegistryJournal} first and is applied only when the journal
 * accepted it; {@link #apply(RegistryEvent)} replays a journal's events on startup. Thread-safe.
 */
public final class RegistryCore {

    /** Confluent's default compatibility level. */
    public static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    private final RegistryJournal journal;
    private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonicalSchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    private int maxId;

    public RegistryCore(RegistryJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /** A registry whose state lives only in memory. */
    public static RegistryCore inMemory() {
        return new RegistryCore(RegistryJournal.NONE);
    }

    /** Applies an event read back from a journal (replay); a version already present is skipped. */
    public synchronized void apply(RegistryEvent event) {
        if (event instanceof SchemaRegistered registered) {
            applySchema(registered.schema());
        } else if (event instanceof CompatibilitySet set) {
            applyLevel(set);
        }
    }

    /**
     * Registers a schema under a subject: the existing version when the subject already holds the
     * same schema, else a new version after the subject's compatibility check.
     */
    public synchronized RegisteredSchema register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        Optional<RegisteredSchema> existing = find(subject, canonical);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<String> problems = compatibilityLevel(subject).incompatibilities(schema, parsedVersions(subject));
        if (!problems.isEmpty()) {
            throw new RegistryException(RegistryError.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible"
                    + " with an earlier schema for subject \"" + subject + "\", details: " + problems);
        }
        int id = idsByCanonicalSchema.getOrDefault(canonical, maxId + 1);
        List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        RegisteredSchema registered = new RegisteredSchema(subject, version, id, canonical);
        journal.append(new SchemaRegistered(registered));
        applySchema(registered);
        return registered;
    }

    /** The subject's version holding this schema; 40401 without the subject, 40403 without the schema. */
    public synchronized RegisteredSchema lookup(String subject, String schemaText) {
        versionsOf(subject);
        String canonical = parse(schemaText).toString();
        return find(subject, canonical).orElseThrow(() -> new RegistryException(RegistryError.SCHEMA_NOT_FOUND,
                "Schema not found under subject '" + subject + "'"));
    }

    /** The schema text of a registry-wide id; 40403 when unknown. */
    public synchronized String schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new RegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema.toString();
    }

    /** Every subject version that uses a schema id; 40403 when the id is unknown. */
    public synchronized List<RegisteredSchema> usesOf(int id) {
        schemaById(id);
        List<RegisteredSchema> uses = new ArrayList<>();
        subjects.values().forEach(versions -> versions.stream().filter(v -> v.id() == id).forEach(uses::add));
        return uses;
    }

    /** Subject names in alphabetical order. */
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    /** The subject's version numbers, ascending; 40401 when the subject does not exist. */
    public synchronized List<Integer> versions(String subject) {
        return versionsOf(subject).stream().map(RegisteredSchema::version).toList();
    }

    /**
     * One version of a subject, {@code "latest"} (or {@code "-1"}) for the newest; 42202 for a
     * malformed version, 40401 / 40402 when the subject / version does not exist.
     */
    public synchronized RegisteredSchema version(String subject, String version) {
        int wanted = parseVersion(version);
        List<RegisteredSchema> versions = versionsOf(subject);
        if (wanted == -1) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == wanted).findFirst().orElseThrow(() ->
                new RegistryException(RegistryError.VERSION_NOT_FOUND,
                        "Version " + wanted + " not found for subject '" + subject + "'"));
    }

    /**
     * Why a schema could not follow a subject's versions: checked against one version, or against
     * what registration would check when {@code version} is null. Empty when compatible, as it is for
     * {@code "latest"} or null when the subject has no version yet (as Confluent answers).
     */
    public synchronized List<String> incompatibilities(String subject, String version, String schemaText) {
        Schema schema = parse(schemaText);
        CompatibilityLevel level = compatibilityLevel(subject);
        if (version == null || (parseVersion(version) == -1 && !subjects.containsKey(subject))) {
            return level.incompatibilities(schema, parsedVersions(subject));
        }
        return level.incompatibilities(schema, List.of(schemasById.get(version(subject, version).id())));
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    /** The subject's own level, if one was set. */
    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** The level that applies to a subject: its own, else the global one. */
    public synchronized CompatibilityLevel compatibilityLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    public synchronized void setGlobalLevel(CompatibilityLevel level) {
        CompatibilitySet event = CompatibilitySet.global(level);
        journal.append(event);
        applyLevel(event);
    }

    public synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
        CompatibilitySet event = new CompatibilitySet(Objects.requireNonNull(subject, "subject"), level);
        journal.append(event);
        applyLevel(event);
    }

    private void applySchema(RegisteredSchema registered) {
        List<RegisteredSchema> versions = subjects.computeIfAbsent(registered.subject(), s -> new ArrayList<>());
        if (versions.stream().anyMatch(v -> v.version() == registered.version())) {
            return;
        }
        versions.add(registered);
        versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
        schemasById.computeIfAbsent(registered.id(), id -> parse(registered.schema()));
        idsByCanonicalSchema.putIfAbsent(registered.schema(), registered.id());
        maxId = Math.max(maxId, registered.id());
    }

    private void applyLevel(CompatibilitySet set) {
        if (set.isGlobal()) {
            globalLevel = set.level();
        } else {
            subjectLevels.put(set.subject(), set.level());
        }
    }

    private Optional<RegisteredSchema> find(String subject, String canonical) {
        return subjects.getOrDefault(subject, List.of()).stream()
                .filter(v -> v.schema().equals(canonical)).findFirst();
    }

    private List<RegisteredSchema> versionsOf(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null) {
            throw new RegistryException(RegistryError.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private List<Schema> parsedVersions(String subject) {
        return subjects.getOrDefault(subject, List.of()).stream().map(v -> schemasById.get(v.id())).toList();
    }

    private static int parseVersion(String version) {
        if ("latest".equals(version) || "-1".equals(version)) {
            return -1;
        }
        try {
            int parsed = Integer.parseInt(version);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the registry's own error
        }
        throw new RegistryException(RegistryError.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: empty");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) {
            // Avro's parser reports bad schemas with several exception types (e.g. an unknown type
            // name is a NullPointerException in 1.12).
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: " + e.getMessage(), e);
        }
    }
}
