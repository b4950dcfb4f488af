package io.marketmetrics.serde.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Parses a level name case-insensitively; {@link RegistryException} (42203) when unknown. */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the registry's own error
            }
        }
        throw new RegistryException(RegistryError.INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level '" + name + "'; one of " + List.of(values()));
    }

    /** Whether a candidate is checked against every earlier version or only the latest one. */
    public boolean transitive() {
        return transitive;
    }

    /**
     * The reasons {@code candidate} may not follow {@code existing} (oldest first) under this level;
     * empty when compatible.
     */
    public List<String> incompatibilities(Schema candidate, List<Schema> existing) {
        List<String> problems = new ArrayList<>();
        if (existing.isEmpty()) {
            return problems;
        }
        List<Schema> checked = transitive ? existing : List.of(existing.get(existing.size() - 1));
        for (Schema earlier : checked) {
            if (newReadsOld) {
                collect(candidate, earlier, "new schema cannot read data written with an earlier one", problems);
            }
            if (oldReadsNew) {
                collect(earlier, candidate, "an earlier schema cannot read data written with the new one", problems);
            }
        }
        return problems;
    }

    private static void collect(Schema reader, Schema writer, String direction, List<String> problems) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(
                    direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                            + ": " + incompatibility.getMessage()));
        }
    }
}
