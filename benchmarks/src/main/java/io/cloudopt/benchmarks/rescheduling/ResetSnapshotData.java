package io.cloudopt.benchmarks.rescheduling;

import io.cloudopt.benchmarks.DatasetFiles;
import io.cloudopt.instances.rescheduling.Vmr2lConverter;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import java.nio.file.Path;

/** The converted reset_vm_pm0 snapshot (problems/rescheduling.md §11–12) the rescheduling benchmarks share. */
final class ResetSnapshotData {
    static final String SNAPSHOT_FILE = "reset_vm_pm0.json";
    /** Golden greedy fragments at k ≥ 19 (§12): a check that the data are the published ones. */
    static final long GREEDY_FRAGMENTS = 530;

    private ResetSnapshotData() {
    }

    /** The snapshot file (see {@link DatasetFiles}). */
    static Path file() {
        return DatasetFiles.file("rescheduling", SNAPSHOT_FILE);
    }

    /** The converted snapshot with k = {@code maxMigrations}. */
    static ReschedulingInstance instance(int maxMigrations) {
        return Vmr2lConverter.convert(file(), Vmr2lConverter.Options.DEFAULT).instance().withMaxMigrations(maxMigrations);
    }
}
