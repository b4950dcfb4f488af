package io.marketmetrics.producers.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Reads a YAML or JSON configuration file into a tree and converts it, collecting every problem. */
public final class YamlTrees {

    private YamlTrees() {
    }

    /**
     * Reads the file (JSON when it ends in {@code .json}, YAML otherwise) and converts its root with
     * {@code converter}, which records problems on the nodes it reads.
     *
     * @throws InvalidFileException with every problem found, or the file's syntax error with its line
     */
    public static <T> T read(Path file, Function<CheckedNode, T> converter) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, isJson(file.toString()), converter);
        } catch (NoSuchFileException e) {
            throw new InvalidFileException(file.toString(), List.of("file not found"));
        } catch (IOException e) {
            throw new InvalidFileException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
    }

    /** As {@link #read(Path, Function)}, from a class path resource (the copies of config/ bundled in the jars). */
    public static <T> T readResource(String name, Function<CheckedNode, T> converter) {
        try (InputStream in = YamlTrees.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return read(name, in, isJson(name), converter);
        } catch (IOException e) {
            throw new InvalidFileException(name, List.of("cannot read: " + e.getMessage()));
        }
    }

    /** As {@link #read(Path, Function)}, from a stream; {@code source} names it in messages. */
    public static <T> T read(String source, InputStream in, boolean json, Function<CheckedNode, T> converter) {
        JsonNode root;
        try {
            root = (json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory())).readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new InvalidFileException(source, List.of(where + "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidFileException(source, List.of("cannot read: " + e.getMessage()));
        }
        List<String> errors = new ArrayList<>();
        T value = converter.apply(CheckedNode.root(root == null ? NullNode.instance : root, errors));
        if (!errors.isEmpty()) {
            throw new InvalidFileException(source, errors);
        }
        return value;
    }

    private static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
