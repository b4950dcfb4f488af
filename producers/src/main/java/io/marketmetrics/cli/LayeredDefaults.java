package io.marketmetrics.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The layered configuration of both jars' command lines (INTERFACES.md, "Commands"): for every
 * option, precedence is annotation default &lt; {@code --config FILE} (a properties file) &lt;
 * {@code MM_*} environment variable &lt; command line.
 *
 * <p>The properties key of an option is its longest name without the leading dashes
 * ({@code --bootstrap-servers} reads {@code bootstrap-servers=...}); its environment variable is
 * {@code MM_} plus the upper snake case of that name ({@code MM_BOOTSTRAP_SERVERS}). The file itself
 * is named by {@code --config FILE} on the command line, else by {@code MM_CONFIG}.
 *
 * <p>picocli applies a provider's value in place of the annotation's {@code defaultValue} and the
 * command line then overrides both, which gives the two upper layers for free; this class only
 * merges the file and the environment.
 */
public final class LayeredDefaults implements IDefaultValueProvider {

    /** The option naming the properties file. */
    public static final String CONFIG_OPTION = "--config";
    /** Prefix of every environment variable read. */
    public static final String ENV_PREFIX = "MM_";

    private final Properties file;
    private final Map<String, String> env;

    /** A provider over an already loaded file (possibly empty) and an environment. */
    public LayeredDefaults(Properties file, Map<String, String> env) {
        this.file = Objects.requireNonNull(file, "file");
        this.env = Map.copyOf(env);
    }

    /**
     * The provider for one invocation: finds {@code --config FILE} (or {@code --config=FILE}) among
     * the raw arguments, else {@code MM_CONFIG} in the environment, and loads that file.
     *
     * @throws IllegalArgumentException when the named file cannot be read, with a one-line message
     */
    public static LayeredDefaults forInvocation(String[] args, Map<String, String> env) {
        String path = configPath(args, env);
        return new LayeredDefaults(path == null ? new Properties() : load(Path.of(path)), env);
    }

    /** Installs the provider for one invocation on a command and all its subcommands. */
    public static CommandLine install(CommandLine commandLine, String[] args, Map<String, String> env) {
        return commandLine.setDefaultValueProvider(forInvocation(args, env));
    }

    /** The environment variable of a long option: {@code --bootstrap-servers} -> {@code MM_BOOTSTRAP_SERVERS}. */
    public static String envName(String longOption) {
        return ENV_PREFIX + key(longOption).replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()
                || CONFIG_OPTION.equals(option.longestName())) {
            return null;
        }
        String longest = option.longestName();
        if (!longest.startsWith("--")) {
            return null; // only long options have a stable, documented name
        }
        String fromEnv = env.get(envName(longest));
        return fromEnv != null ? fromEnv : file.getProperty(key(longest));
    }

    private static String key(String longOption) {
        return longOption.replaceFirst("^-+", "");
    }

    private static String configPath(String[] args, Map<String, String> env) {
        String path = null;
        for (int i = 0; i < args.length; i++) {
            if ("--".equals(args[i])) {
                break; // the rest are positional parameters
            }
            if (CONFIG_OPTION.equals(args[i]) && i + 1 < args.length) {
                path = args[++i]; // the last one wins, as picocli does for single-valued options
            } else if (args[i].startsWith(CONFIG_OPTION + "=")) {
                path = args[i].substring(CONFIG_OPTION.length() + 1);
            }
        }
        return path != null ? path : env.get(envName(CONFIG_OPTION));
    }

    private static Properties load(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
            return properties;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file not found: " + path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // Properties#load throws this for a malformed \\uXXXX escape.
            throw new IllegalArgumentException("malformed config file " + path + ": " + e.getMessage(), e);
        }
    }
}
