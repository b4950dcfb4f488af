package io.marketmetrics.producers.yaml;

import io.marketmetrics.cli.UserError;
import java.util.List;

/** A YAML or JSON file that cannot be used: every problem found, each with its path in the file. */
public final class InvalidFileException extends UserError {

    private final List<String> errors;

    public InvalidFileException(String source, List<String> errors) {
        super(source + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors") + System.lineSeparator()
                + "  " + String.join(System.lineSeparator() + "  ", errors));
        this.errors = List.copyOf(errors);
    }

    /** The problems, each as {@code path: message}, e.g. {@code assets[3].circulatingSupply: must be a number >= 0}. */
    public List<String> errors() {
        return errors;
    }
}
