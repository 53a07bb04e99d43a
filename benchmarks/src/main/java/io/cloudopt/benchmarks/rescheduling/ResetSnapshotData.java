package io.cloudopt.benchmarks.rescheduling;

import io.cloudopt.instances.rescheduling.Vmr2lConverter;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import java.nio.file.Files;
import java.nio.file.Path;

/** The converted reset_vm_pm0 snapshot (problems/rescheduling.md §11–12) the rescheduling benchmarks share. */
final class ResetSnapshotData {
    static final String DIRECTORY_PROPERTY = "cloudopt.rescheduling.data";
    static final String SNAPSHOT_FILE = "reset_vm_pm0.json";
    /** Golden greedy fragments at k ≥ 19 (§12): a check that the data are the published ones. */
    static final long GREEDY_FRAGMENTS = 530;

    private ResetSnapshotData() {
    }

    /**
     * The snapshot file: in the directory of the system property {@value #DIRECTORY_PROPERTY} if set,
     * otherwise in the first {@code shared/data/rescheduling} found beside or inside the working
     * directory or one of its parents.
     */
    static Path file() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            Path file = Path.of(configured).resolve(SNAPSHOT_FILE);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("The dataset directory (" + configured + ") has no " + SNAPSHOT_FILE
                        + ".\nMaybe " + DIRECTORY_PROPERTY + " points at shared/data instead of shared/data/rescheduling.");
            }
            return file;
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            for (Path candidate : new Path[] {at.resolveSibling("shared"), at.resolve("shared")}) {
                Path file = candidate.resolve("data").resolve("rescheduling").resolve(SNAPSHOT_FILE);
                if (Files.isRegularFile(file)) {
                    return file;
                }
            }
        }
        throw new IllegalStateException("Cannot find shared/data/rescheduling/" + SNAPSHOT_FILE + " above "
                + Path.of("").toAbsolutePath() + ".\nMaybe pass the dataset directory with -D" + DIRECTORY_PROPERTY
                + "=/path/to/data/rescheduling.");
    }

    /** The converted snapshot with k = {@code maxMigrations}. */
    static ReschedulingInstance instance(int maxMigrations) {
        return Vmr2lConverter.convert(file(), Vmr2lConverter.Options.DEFAULT).instance().withMaxMigrations(maxMigrations);
    }
}
