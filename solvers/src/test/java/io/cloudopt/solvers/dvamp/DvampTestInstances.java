package io.cloudopt.solvers.dvamp;

import io.cloudopt.instances.Samples;
import io.cloudopt.instances.dvamp.HuaweiTraceReader;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.DvampVm;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.model.dvamp.SpaneProtocol;
import io.cloudopt.model.testing.SharedData;
import java.util.ArrayList;
import java.util.List;

/** Instances for the dvamp solver tests: the §3 example, SPANE episodes and windows of the Huawei trace. */
public final class DvampTestInstances {
    private static DvampTrace trace;

    private DvampTestInstances() {
    }

    /** The one-PM example of problems/dvamp.md §3 (offline optimum 380). */
    public static DvampInstance example() {
        return (DvampInstance) Samples.read(Samples.find("dvamp", "example-1pm").orElseThrow()).instance();
    }

    public static synchronized DvampTrace trace() {
        if (trace == null) {
            trace = HuaweiTraceReader.read(SharedData.file("dvamp/Huawei-East-1-lt.csv"));
        }
        return trace;
    }

    /** The SPANE-protocol episode from row {@code start}, N = 5, 40/90, θ = 10. */
    public static DvampInstance episode(int start) {
        SpaneProtocol protocol = new SpaneProtocol(trace(), 5, 40, 90, 10, 40);
        SpaneProtocol.Episode episode = protocol.episode(0, start);
        return instance("huawei-east-1-n5-start" + start, start, episode.placements(), List.of(), null);
    }

    /** Rows start+warmup .. +count−1 after an ff warm-up of {@code warmup} placements from row {@code start}. */
    public static DvampInstance window(int start, int warmup, int count) {
        DvampWorkload warm = DvampWorkload.slice(trace(), start, warmup, 5, 40, 90, 10);
        DvampRun run = new DvampSimulator(warm).run(DvampPolicies.create("ff", 1), DvampSemantics.SPANE, true,
                DvampEpisode.placements(warmup), DvampObserver.NONE);
        long clock = run.startSeconds()[warmup - 1];
        List<DvampInitialVm> running = new ArrayList<>();
        for (int j = 0; j < warmup; j++) {
            long end = run.startSeconds()[j] + warm.lifetimeSeconds(j);
            if (end > clock) {
                int action = run.actions()[j];
                running.add(new DvampInitialVm(warm.id(j), warm.cpuCores(j), warm.memoryGiB(j), action >> 1,
                        warm.isDouble(j) ? null : action & 1, end));
            }
        }
        return instance("huawei-east-1-n5-start" + start + "-k" + count, start + warmup, count, running, clock);
    }

    private static DvampInstance instance(String name, int firstRow, int count, List<DvampInitialVm> initialVms,
                                          Long clockSeconds) {
        DvampTrace rows = trace();
        List<DvampVm> vms = new ArrayList<>(count);
        for (int row = firstRow; row < firstRow + count; row++) {
            vms.add(new DvampVm(Integer.toString(row), rows.cpuCores(row), rows.memoryGiB(row),
                    rows.arrivalSeconds(row), rows.lifetimeSeconds(row)));
        }
        return new DvampInstance(name, "", Source.NONE, DvampSemantics.SPANE, 5, 40, 90, 10, true,
                DvampEpisode.placements(count), null, clockSeconds, initialVms, vms);
    }
}
