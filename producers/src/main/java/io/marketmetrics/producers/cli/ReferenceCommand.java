package io.marketmetrics.producers.cli;

import io.marketmetrics.producers.reference.ReferenceData;
import io.marketmetrics.producers.reference.ReferencePublisher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reference --file F}: validates reference data, then publishes it to the compacted reference topics. */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = {"Validate a YAML or JSON reference file (assets, exchanges, indexes), reporting every error "
                + "with its path in the file, then publish it to asset-reference, exchange-reference and "
                + "index-definitions."})
final class ReferenceCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The reference file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--validate-only", description = "Validate and report, publish nothing.")
    boolean validateOnly;

    @Override
    public Integer call() {
        ReferenceData data = ReferenceData.load(file);
        String counts = data.assets().size() + " assets, " + data.exchanges().size() + " exchanges, "
                + data.indexes().size() + " indexes";
        if (validateOnly) {
            System.out.println(file + ": valid (" + counts + ")");
            return 0;
        }
        long records = ReferencePublisher.publish(data, kafka.target());
        System.out.println(file + ": published " + records + " records (" + counts + ")");
        return 0;
    }
}
