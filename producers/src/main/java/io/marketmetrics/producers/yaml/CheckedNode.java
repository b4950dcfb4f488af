package io.marketmetrics.producers.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A node of a parsed YAML/JSON tree with its path in the file ({@code assets[3].ath}), whose typed
 * accessors record every problem in a shared list instead of stopping at the first, so that a file
 * is reported with all its errors at once. An accessor returns null where the value is absent or bad.
 */
public final class CheckedNode {

    private final JsonNode node;
    private final String path;
    private final List<String> errors;

    /** The root of a tree; problems go to {@code errors}. */
    public static CheckedNode root(JsonNode node, List<String> errors) {
        return new CheckedNode(node, "", errors);
    }

    private CheckedNode(JsonNode node, String path, List<String> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    public String path() {
        return path;
    }

    public void error(String message) {
        errors.add((path.isEmpty() ? "(top level)" : path) + ": " + message);
    }

    /** True when this node is a mapping; records an error otherwise. */
    public boolean isObject() {
        if (!node.isObject()) {
            error("must be a mapping");
            return false;
        }
        return true;
    }

    /** Records one error for every key outside {@code allowed} (catches misspelled keys). */
    public void allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                child(name).error("unknown key (expected one of " + String.join(", ", sorted(allowed)) + ")");
            }
        }
    }

    public CheckedNode child(String key) {
        return new CheckedNode(node.path(key), path.isEmpty() ? key : path + "." + key, errors);
    }

    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** The items of a list under {@code key}; empty when absent, and an error when required or not a list. */
    public List<CheckedNode> list(String key, boolean required) {
        CheckedNode child = child(key);
        if (!has(key)) {
            if (required) {
                child.error("is required");
            }
        } else if (!child.node.isArray()) {
            child.error("must be a list");
        }
        return listQuietly(key);
    }

    /** The items of a list under {@code key}, recording nothing: empty when absent or not a list. */
    public List<CheckedNode> listQuietly(String key) {
        CheckedNode child = child(key);
        List<CheckedNode> items = new ArrayList<>();
        if (child.node.isArray()) {
            for (int i = 0; i < child.node.size(); i++) {
                items.add(new CheckedNode(child.node.get(i), child.path + "[" + i + "]", errors));
            }
        }
        return items;
    }

    /** The entries of a mapping under {@code key}, in file order; empty (and an error) when it is not a mapping. */
    public Map<String, CheckedNode> entries(String key, boolean required) {
        CheckedNode child = child(key);
        Map<String, CheckedNode> entries = new LinkedHashMap<>();
        if (!has(key)) {
            if (required) {
                child.error("is required");
            }
        } else if (child.isObject()) {
            child.node.fieldNames().forEachRemaining(name -> entries.put(name, child.child(name)));
        }
        return entries;
    }

    /** This node itself as a number of at least {@code min} (above it when {@code strict}), or null. */
    public Double asNumber(double min, boolean strict) {
        String rule = "must be a number " + (strict ? "> " : ">= ") + format(min);
        if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < min
                || (strict && node.doubleValue() == min)) {
            error(rule + ", got " + node);
            return null;
        }
        return node.doubleValue();
    }

    /** A boolean under {@code key}, or {@code absent} when it is not there. */
    public boolean bool(String key, boolean absent) {
        CheckedNode child = child(key);
        if (!has(key)) {
            return absent;
        }
        if (!child.node.isBoolean()) {
            child.error("must be true or false, got " + child.node);
            return absent;
        }
        return child.node.booleanValue();
    }

    /** The string under {@code key}, recording nothing: null when absent or not a string. */
    public String textOf(String key) {
        JsonNode value = node.path(key);
        return value.isTextual() ? value.textValue() : null;
    }

    /** A string under {@code key} matching {@code rule} (described for the message), or null. */
    public String string(String key, boolean required, Predicate<String> rule, String ruleDescription) {
        CheckedNode child = child(key);
        if (!has(key)) {
            if (required) {
                child.error("is required");
            }
            return null;
        }
        if (!child.node.isTextual()) {
            child.error("must be a string");
            return null;
        }
        String value = child.node.textValue();
        if (!rule.test(value)) {
            child.error(ruleDescription + ", got \"" + value + "\"");
            return null;
        }
        return value;
    }

    /** This node itself as a string matching {@code rule}, or null. */
    public String asString(Predicate<String> rule, String ruleDescription) {
        if (!node.isTextual() || !rule.test(node.textValue())) {
            error(ruleDescription + ", got " + node);
            return null;
        }
        return node.textValue();
    }

    /** A number under {@code key} that is at least {@code min} (above it when {@code strict}), or null. */
    public Double number(String key, boolean required, double min, boolean strict) {
        if (!has(key)) {
            if (required) {
                child(key).error("is required");
            }
            return null;
        }
        return child(key).asNumber(min, strict);
    }

    /** An ISO-8601 instant under {@code key} ({@code 2025-01-06T00:00:00Z}), or null. */
    public Instant instant(String key, boolean required) {
        String text = string(key, required, s -> true, "");
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            child(key).error("must be an ISO-8601 UTC time like 2025-01-06T00:00:00Z, got \"" + text + "\"");
            return null;
        }
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
