package io.cloudopt.benchmarks.dvamp;

import io.cloudopt.benchmarks.DatasetFiles;
import io.cloudopt.instances.dvamp.HuaweiTraceReader;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.SpaneProtocol;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SPANE test suite as the dvamp benchmarks read it: the Huawei-East-1 lifetime trace, the 1000
 * test start indices and the protocol at N = 5 (40 cores / 90 GiB per NUMA node, θ = 10 GiB, 40
 * extra placements), as in problems/dvamp.md §12(c) and (g).
 */
final class SpaneSuiteData {
    static final String TRACE_FILE = "Huawei-East-1-lt.csv";
    static final String TEST_STARTS_FILE = "spane_test_start_indices_1000.csv";
    static final int PM_COUNT = 5;
    /** Size of the fixed episode sample of the JMH benchmarks. */
    static final int SAMPLE_EPISODES = 50;
    static final int SAMPLE_STRIDE = 20;
    /** Placements P summed over the sample (probe lengths + 40 each); checked when the data are read. */
    static final int SAMPLE_PLACEMENTS = 44_048;
    /** First-fit probe placements L summed over the sample. */
    static final int SAMPLE_PROBE_PLACEMENTS = 42_048;

    private SpaneSuiteData() {
    }

    /** The dataset directory (see {@link DatasetFiles}). */
    static Path directory() {
        return DatasetFiles.file("dvamp", TRACE_FILE).getParent();
    }

    static DvampTrace trace(Path directory) {
        return HuaweiTraceReader.read(directory.resolve(TRACE_FILE));
    }

    static int[] testStartIndices(Path directory) {
        return HuaweiTraceReader.readStartIndices(directory.resolve(TEST_STARTS_FILE));
    }

    static SpaneProtocol protocol(DvampTrace trace, int pmCount) {
        return new SpaneProtocol(trace, pmCount, 40, 90, 10, 40);
    }

    /**
     * The benchmark's fixed sample of episodes: every 20th test start index (episodes 0, 20, …,
     * 980), so that short and long episodes appear as in the whole suite (mean P 881 against
     * 856 over all 1000).
     */
    static SpaneProtocol.Episode[] sampleEpisodes(SpaneProtocol protocol, int[] starts) {
        SpaneProtocol.Episode[] episodes = new SpaneProtocol.Episode[SAMPLE_EPISODES];
        long placements = 0;
        for (int i = 0; i < SAMPLE_EPISODES; i++) {
            int e = i * SAMPLE_STRIDE;
            episodes[i] = protocol.episode(e, starts[e]);
            placements += episodes[i].placements();
        }
        if (protocol.pmCount() == PM_COUNT && placements != SAMPLE_PLACEMENTS) {
            throw new IllegalStateException("The sample's placements (" + placements + ") must be "
                    + SAMPLE_PLACEMENTS + " at N = " + PM_COUNT + ", or the per-placement times are wrong."
                    + "\nMaybe the trace or start-index file is not the one of problems/dvamp.md §11.");
        }
        return episodes;
    }
}
