package io.marketmetrics.app.cli;

import io.marketmetrics.cli.CliLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code java -jar streams-app.jar demo|run}: the metrics application's command line. */
@Command(name = "streams-app", mixinStandardHelpOptions = true,
        description = "Real-time market metrics on Kafka Streams.",
        subcommands = {DemoCommand.class, RunCommand.class},
        footer = {"", "Every option also reads MM_<OPTION> from the environment (e.g. MM_BOOTSTRAP_SERVERS) and a "
                + "properties file given by --config; precedence: defaults < file < environment < command line."})
public final class StreamsAppCommand implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(CliLauncher.execute(new StreamsAppCommand(), args));
    }

    /** Without a subcommand: the usage, as an error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a command: demo or run");
    }
}
