package io.marketmetrics.producers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real market data in {@code ../shared/data} beside the repository (see its SOURCES.md); tests skip without it. */
public final class SharedData {

    private SharedData() {
    }

    /** {@code shared/data} found by walking up from the module directory; may not exist. */
    public static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return here.resolve("../../shared/data").normalize();
    }

    /** The file, or the test is skipped with a message naming it. */
    public static Path require(Path file) {
        assumeTrue(Files.isRegularFile(file), () -> "skipped: real data file " + file + " is absent (see shared/data/SOURCES.md)");
        return file;
    }
}
