package io.marketmetrics.cli;

/**
 * A failure the user can fix (bad input, an unreachable broker or registry): {@link CliLauncher}
 * prints its message as one line, without a stack trace, and exits with {@link #exitCode()}.
 * Subclasses carry details, e.g. every error of an invalid file (then one line per error).
 */
public class UserError extends RuntimeException {

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

    /** A usage error: exit code 2, as picocli's for a bad option. */
    public static UserError usage(String message) {
        return new UserError(message, CliLauncher.USAGE_ERROR, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
