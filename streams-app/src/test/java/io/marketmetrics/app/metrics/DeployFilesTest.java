package io.marketmetrics.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The shipped Prometheus configuration, rules and compose file pass their own tools' checks; the
 * Kubernetes manifests have what the deployment relies on.
 */
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

    @Test
    void kubernetesAppIsAStatefulSetWithStateVolumeHeadlessServiceAndHealthReadiness() throws Exception {
        List<JsonNode> docs = manifests("deploy/k8s/app.yaml");
        JsonNode set = kind(docs, "StatefulSet");
        JsonNode headless = docs.stream().filter(d -> "None".equals(d.at("/spec/clusterIP").asText())).findFirst().orElseThrow();
        assertThat(set.at("/spec/serviceName").asText()).isEqualTo(headless.at("/metadata/name").asText());
        JsonNode container = set.at("/spec/template/spec/containers/0");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health");
        String claim = set.at("/spec/volumeClaimTemplates/0/metadata/name").asText();
        JsonNode mount = container.at("/volumeMounts/0");
        assertThat(mount.at("/name").asText()).isEqualTo(claim);
        JsonNode stateDir = manifests("deploy/k8s/configmap.yaml").get(0).at("/data/MM_STATE_DIR");
        assertThat(mount.at("/mountPath").asText()).isEqualTo(stateDir.asText());
        assertThat(container.toString()).contains("MM_APPLICATION_SERVER", headless.at("/metadata/name").asText());
    }

    @Test
    void everyKubernetesContainerHasRequestsAndLimits() throws Exception {
        List<JsonNode> containers = new ArrayList<>();
        for (String file : List.of("deploy/k8s/app.yaml", "deploy/k8s/producers.yaml")) {
            for (JsonNode doc : manifests(file)) {
                doc.at("/spec/template/spec/containers").forEach(containers::add);
            }
        }
        assertThat(containers).hasSize(3);
        for (JsonNode c : containers) {
            assertThat(c.at("/resources/requests/memory").isMissingNode()).as(c.get("name").asText()).isFalse();
            assertThat(c.at("/resources/limits/memory").isMissingNode()).as(c.get("name").asText()).isFalse();
            assertThat(c.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("market-metrics");
        }
    }

    private List<JsonNode> manifests(String file) throws Exception {
        try (MappingIterator<JsonNode> it = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .readValues(root.resolve(file).toFile())) {
            return it.readAll();
        }
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst().orElseThrow();
    }
}
