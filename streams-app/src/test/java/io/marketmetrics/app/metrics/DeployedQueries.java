package io.marketmetrics.app.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every PromQL expression shipped in deploy/: each Grafana panel target, each alert or recording rule, and
 * the {@code label_values(selector, label)} query of each dashboard variable.
 */
record DeployedQueries(List<Query> panelQueries, List<Query> ruleExpressions, List<Variable> variables) {

    /** One expression and where it comes from (for messages). */
    record Query(String source, String expr) {
    }

    /** A dashboard variable: the values of {@code label} over the series matching {@code selector}. */
    record Variable(String source, String selector, String label) {
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    static DeployedQueries load(Path root) throws IOException {
        List<Query> panels = new ArrayList<>();
        List<Variable> variables = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("deploy/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                String name = file.getFileName() + ": " + dashboard.get("title").asText();
                collectPanels(name, dashboard.get("panels"), panels);
                for (JsonNode variable : dashboard.at("/templating/list")) {
                    Matcher m = LABEL_VALUES.matcher(variable.get("query").asText());
                    if (!m.matches()) {
                        throw new IllegalStateException(name + ": variable " + variable.get("name") + " is not label_values(selector, label)");
                    }
                    variables.add(new Variable(name + " / $" + variable.get("name").asText(), m.group(1), m.group(2)));
                }
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
        return new DeployedQueries(panels, rules, variables);
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
