package io.marketmetrics.producers.reference;

import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.IndexDefinition;
import java.nio.file.Path;
import java.util.List;

/** The content of a reference file (INTERFACES.md, "Reference files"), parsed and validated. */
public record ReferenceData(
        List<AssetReference> assets,
        List<ExchangeReference> exchanges,
        List<IndexDefinition> indexes) {

    public ReferenceData {
        assets = List.copyOf(assets);
        exchanges = List.copyOf(exchanges);
        indexes = List.copyOf(indexes);
    }

    /** The bundled copy of config/reference.yaml, on the class path of both jars. */
    public static final String BUNDLED = "config/reference.yaml";

    /**
     * Reads and validates a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file.
     *
     * @throws io.marketmetrics.producers.yaml.InvalidFileException with every problem, each with its path in the file
     */
    public static ReferenceData load(Path file) {
        return ReferenceParser.parse(file);
    }

    /** The bundled config/reference.yaml: the demo's reference data. */
    public static ReferenceData bundled() {
        return ReferenceParser.parseResource(BUNDLED);
    }
}
