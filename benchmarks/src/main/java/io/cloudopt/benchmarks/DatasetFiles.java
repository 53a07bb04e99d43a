package io.cloudopt.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmarks find the public datasets: the directory of the system property
 * {@code cloudopt.<problem>.data} if set, otherwise {@code shared/data/<problem>} beside or inside
 * the working directory or one of its parents (the layout of the project's checkout).
 */
public final class DatasetFiles {
    private DatasetFiles() {
    }

    /** The file {@code name} of {@code problem}'s dataset directory. */
    public static Path file(String problem, String name) {
        String property = "cloudopt." + problem + ".data";
        String configured = System.getProperty(property);
        if (configured != null) {
            Path file = Path.of(configured).resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("The dataset directory (" + configured + ") has no " + name
                        + ".\nMaybe " + property + " points at shared/data instead of shared/data/" + problem + ".");
            }
            return file;
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            for (Path candidate : new Path[] {at.resolveSibling("shared"), at.resolve("shared")}) {
                Path file = candidate.resolve("data").resolve(problem).resolve(name);
                if (Files.isRegularFile(file)) {
                    return file;
                }
            }
        }
        throw new IllegalStateException("Cannot find shared/data/" + problem + "/" + name + " above "
                + Path.of("").toAbsolutePath() + ".\nMaybe pass the dataset directory with -D" + property
                + "=/path/to/data/" + problem + ".");
    }
}
