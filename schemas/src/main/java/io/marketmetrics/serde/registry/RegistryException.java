package io.marketmetrics.serde.registry;

import java.util.Objects;

/** A request the registry refuses, with the Confluent error it maps to. */
public final class RegistryException extends RuntimeException {

    private final RegistryError error;

    public RegistryException(RegistryError error, String message) {
        this(error, message, null);
    }

    public RegistryException(RegistryError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public RegistryError error() {
        return error;
    }
}
