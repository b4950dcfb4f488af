package io.marketmetrics.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The shipped Prometheus configuration, rules and compose file pass their own tools' checks. */
class DeployFilesTest {

    private final Path root = Tools.repositoryRoot();

    @Test
    void prometheusConfigurationIsValid() throws Exception {
        Path promtool = Tools.require("promtool", "prometheus");
        Tools.Run run = Tools.run(root, promtool.toString(), "check", "config", "deploy/prometheus/prometheus.yml");
        assertThat(run.exitCode()).as(run.output()).isZero();
        // The configuration names its rule file: the check above loaded and checked it too.
        assertThat(run.output()).contains("1 rule files found");
    }

    @Test
    void alertRulesAreValid() throws Exception {
        Path promtool = Tools.require("promtool", "prometheus");
        Tools.Run run = Tools.run(root, promtool.toString(), "check", "rules", "deploy/prometheus/alerts.yml");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS: " + DeployedQueries.load(root).ruleExpressions().size() + " rules found");
    }

    @Test
    void composeFileIsValid() throws Exception {
        Path compose = Tools.require("docker-compose", "docker-compose");
        Tools.Run run = Tools.run(root, compose.toString(), "-f", "docker-compose.yml", "config", "-q");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
