package io.marketmetrics.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * Runs a picocli root command the way both jars do: {@code --config FILE} on every subcommand,
 * {@link LayeredDefaults} for every option, and user errors ({@link UserError}, a bad config file)
 * as one line on stderr with a non-zero exit code instead of a stack trace.
 */
public final class CliLauncher {

    /** picocli's exit code for invalid input; also used for an unreadable config file. */
    public static final int USAGE_ERROR = CommandLine.ExitCode.USAGE;

    private CliLauncher() {
    }

    /** Runs the command against the process environment; returns the exit code. */
    public static int execute(Object rootCommand, String[] args) {
        return execute(new CommandLine(rootCommand), args, System.getenv());
    }

    /** Runs an already built command line (its out/err writers may be redirected by tests). */
    public static int execute(CommandLine commandLine, String[] args, Map<String, String> env) {
        addConfigOption(commandLine);
        PrintWriter err = commandLine.getErr();
        try {
            LayeredDefaults.install(commandLine, args, env);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return USAGE_ERROR;
        }
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UserError userError) {
                cmd.getErr().println("error: " + userError.getMessage());
                cmd.getErr().flush();
                return userError.exitCode();
            }
            throw ex; // a bug: picocli prints the stack trace
        });
        return commandLine.execute(args);
    }

    private static void addConfigOption(CommandLine commandLine) {
        if (commandLine.getCommandSpec().findOption(LayeredDefaults.CONFIG_OPTION) != null) {
            return;
        }
        commandLine.getCommandSpec().addOption(OptionSpec.builder(LayeredDefaults.CONFIG_OPTION)
                .paramLabel("FILE")
                .type(Path.class)
                .scopeType(ScopeType.INHERIT)
                .description("Properties file of option defaults (key = long option name without dashes); "
                        + "precedence: defaults < this file < MM_* environment < command line. Env: MM_CONFIG.")
                .build());
    }
}
