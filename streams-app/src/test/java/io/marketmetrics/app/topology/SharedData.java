package io.marketmetrics.app.topology;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real-data directory: a {@code shared/data} sibling of the repository root, found by walking up. */
final class SharedData {

    private SharedData() {
    }

    static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative);
            }
        }
        return Path.of("..", "shared", "data", relative);
    }
}
