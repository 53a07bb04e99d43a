package io.cloudopt.instances.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.dvamp.DvampDecoder;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.model.dvamp.SpaneProtocol;
import io.cloudopt.model.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding the slots of online runs on trace episodes gives their start times exactly (problems/dvamp.md §5). */
class DvampDecoderTraceTest {
    private static DvampTrace trace;

    @BeforeAll
    static void readTrace() {
        trace = HuaweiTraceReader.read(SharedData.file("dvamp/Huawei-East-1-lt.csv"));
    }

    @ParameterizedTest(name = "start {0} policy {1}")
    @CsvSource({"72412,ff", "72412,bf", "72412,balance", "73551,bf", "94599,balance", "106116,ff", "106116,wf"})
    void spaneEpisodes(int start, String policy) {
        SpaneProtocol protocol = new SpaneProtocol(trace, 5, 40, 90, 10, 40);
        SpaneProtocol.Episode episode = protocol.episode(0, start);
        DvampRun run = protocol.run(episode, DvampPolicies.create(policy, 1), DvampObserver.NONE);
        assertThat(run.totalWaitSeconds()).isPositive();
        assertDecodesTo(protocol.workload(episode), run);
    }

    /** Windows that start in a running cluster: an ff warm-up of W placements, then K VMs. */
    @ParameterizedTest(name = "start {0} warm-up {1} policy {2}")
    @CsvSource({"72412,887,ff", "72412,887,bf", "88346,600,balance", "97066,856,bf"})
    void windowsWithInitialVms(int start, int warmup, String policy) {
        DvampWorkload warm = DvampWorkload.slice(trace, start, warmup, 5, 40, 90, 10);
        DvampRun warmRun = new DvampSimulator(warm).run(DvampPolicies.create("ff", 1), DvampSemantics.SPANE, true,
                DvampEpisode.placements(warmup), DvampObserver.NONE);
        long clock = warmRun.startSeconds()[warmup - 1];
        List<DvampInitialVm> running = new ArrayList<>();
        for (int j = 0; j < warmup; j++) {
            long end = warmRun.startSeconds()[j] + warm.lifetimeSeconds(j);
            if (end > clock) {
                int action = warmRun.actions()[j];
                running.add(new DvampInitialVm("r" + j, warm.cpuCores(j), warm.memoryGiB(j), action >> 1,
                        warm.isDouble(j) ? null : action & 1, end));
            }
        }
        int count = 120;
        DvampWorkload window = DvampWorkload.slice(trace, start + warmup, count, 5, 40, 90, 10, running, clock);
        DvampRun run = new DvampSimulator(window).run(DvampPolicies.create(policy, 1), DvampSemantics.SPANE, true,
                DvampEpisode.placements(count), DvampObserver.NONE);
        assertDecodesTo(window, run);
    }

    private static void assertDecodesTo(DvampWorkload workload, DvampRun run) {
        int[] slots = new int[run.placedCount()];
        for (int j = 0; j < slots.length; j++) {
            slots[j] = DvampDecoder.slotOfAction(workload, j, run.actions()[j]);
        }
        assertThat(DvampDecoder.decode(workload, slots)).containsExactly(run.startSeconds());
    }
}
