package io.marketmetrics.cli;

/**
 * A failure the user can fix (bad input, an unreachable broker or registry): {@link CliLauncher}
 * prints its message as one line, without a stack trace, and exits with {@link #exitCode()}.
 */
public final class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(String message) {
        this(message, 1, null);
    }

    public UserError(String message, Throwable cause) {
        this(message, 1, cause);
    }

    public UserError(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
