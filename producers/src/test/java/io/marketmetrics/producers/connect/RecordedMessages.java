package io.marketmetrics.producers.connect;

import io.marketmetrics.producers.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Real venue messages: the copies in test resources ({@code connect/}, see the README there), and
 * the shared data directory beside the repository for what may not be copied or is too big.
 */
final class RecordedMessages {

    private RecordedMessages() {
    }

    /** The lines of a test resource under {@code connect/}. */
    static List<String> resource(String name) {
        try (InputStream in = RecordedMessages.class.getResourceAsStream("/connect/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource connect/" + name);
            }
            return lines(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the shared data directory; the test is skipped, with a message, when it is absent. */
    static Path sharedData(String relative) {
        return SharedData.require(SharedData.dir().resolve(relative));
    }

    /** The lines of a plain or gzip ({@code .gz}) file. */
    static List<String> lines(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return lines(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
