package io.marketmetrics.app.cli;

import io.marketmetrics.app.bench.BenchCommand;
import io.marketmetrics.cli.CliLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code java -jar streams-app.jar demo|run}: the metrics application's command line. */
@Command(name = "streams-app", mixinStandardHelpOptions = true,
        description = "Real-time market metrics on Kafka Streams.",
        subcommands = {DemoCommand.class, RunCommand.class, BenchCommand.class},
        footer = {"", "Every option also reads MM_<OPTION> from the environment (e.g. MM_BOOTSTRAP_SERVERS) and a "
                + "properties file given by --config; precedence: defaults < file < environment < command line."})
public final class StreamsAppCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private static final String LOGBACK_CONFIG = "streams-app-logback.xml";

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        int code;
        try {
            code = CliLauncher.execute(new StreamsAppCommand(), args);
        } catch (RuntimeException | Error e) {
            // A bug, not a user error: the trace helps, and the embedded servers' threads must not keep the JVM alive.
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    /** Without a subcommand: the usage, as an error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a command: demo or run");
    }
}
