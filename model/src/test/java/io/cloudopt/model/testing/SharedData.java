package io.cloudopt.model.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public datasets beside the project ({@code ../shared/data}), found from any module's directory. */
public final class SharedData {
    private SharedData() {
    }

    /** The file {@code relative} below {@code shared/data}, e.g. {@code dvamp/Huawei-East-1-lt.csv}. */
    public static Path file(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            Path candidate = at.resolveSibling("shared").resolve("data").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            Path inside = at.resolve("shared").resolve("data").resolve(relative);
            if (Files.exists(inside)) {
                return inside;
            }
        }
        throw new IllegalStateException("Cannot find shared/data/" + relative + " above " + dir
                + "; the datasets live in ../shared/data beside the project.");
    }
}
