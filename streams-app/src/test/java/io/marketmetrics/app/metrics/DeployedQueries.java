package io.marketmetrics.app.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Every PromQL expression shipped in deploy/: each Grafana panel target and each alert or recording rule. */
record DeployedQueries(List<Query> panelQueries, List<Query> ruleExpressions) {

    /** One expression and where it comes from (for messages). */
    record Query(String source, String expr) {
    }

    static DeployedQueries load(Path root) throws IOException {
        List<Query> panels = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("deploy/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                collectPanels(file.getFileName() + ": " + dashboard.get("title").asText(), dashboard.get("panels"), panels);
            }
        }
        List<Query> rules = new ArrayList<>();
        JsonNode groups = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("deploy/prometheus/alerts.yml").toFile()).get("groups");
        for (JsonNode group : groups) {
            for (JsonNode rule : group.get("rules")) {
                String name = rule.has("alert") ? rule.get("alert").asText() : rule.get("record").asText();
                rules.add(new Query("rule " + name, rule.get("expr").asText().trim()));
            }
        }
        return new DeployedQueries(panels, rules);
    }

    private static void collectPanels(String dashboard, JsonNode panels, List<Query> out) {
        for (JsonNode panel : panels) {
            if (panel.has("panels")) { // a row with collapsed panels
                collectPanels(dashboard, panel.get("panels"), out);
            }
            for (JsonNode target : panel.path("targets")) {
                out.add(new Query(dashboard + " / " + panel.get("title").asText() + " / " + target.get("refId").asText(),
                        target.get("expr").asText()));
            }
        }
    }
}
