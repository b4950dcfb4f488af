package io.marketmetrics.producers.cli;

import io.marketmetrics.producers.connect.ConnectCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root of {@code producers.jar}: only subcommands. */
@Command(name = "producers.jar", mixinStandardHelpOptions = true, version = "market-metrics producers",
        description = {"Publishes trades and reference data to Kafka (Avro, Confluent wire format).",
            "Every option also reads MM_<OPTION_NAME> from the environment and <option-name> from --config FILE; "
                    + "precedence: defaults < file < environment < command line."},
        subcommands = {SimulateCommand.class, ReplayCommand.class, ConnectCommand.class, ReferenceCommand.class,
            HelpCommand.class})
public final class ProducersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: simulate, replay, connect or reference");
    }
}
