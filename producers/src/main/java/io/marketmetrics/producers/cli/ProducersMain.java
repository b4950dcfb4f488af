package io.marketmetrics.producers.cli;

import io.marketmetrics.cli.CliLauncher;

/** Entry point of {@code producers.jar}. */
public final class ProducersMain {

    /** The jar's logging: warnings and our own progress only; see the file for why. */
    private static final String LOGBACK_CONFIG = "producers-logback.xml";

    private ProducersMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        System.exit(CliLauncher.execute(new ProducersCommand(), args));
    }
}
