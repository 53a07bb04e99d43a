package io.cloudopt.solvers.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.dvamp.DvampDecoder;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPlacement;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.model.dvamp.DvampVerifier;
import io.cloudopt.model.dvamp.DvampWorkload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DvampReplayPolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"ff", "bf", "balance", "wf"})
    void replayingAnOnlineRunReproducesIt(String policy) {
        DvampInstance instance = DvampTestInstances.window(72412, 887, 200);
        DvampRun run = DvampSimulator.run(instance, DvampPolicies.create(policy, 1), 0, DvampObserver.NONE);
        DvampSolution online = DvampProblem.fromRun(instance, run, policy);
        DvampReplayPolicy replay = new DvampReplayPolicy(online);
        DvampRun replayed = DvampSimulator.run(instance, replay, 0, DvampObserver.NONE);
        assertThat(replay.fallbacks()).isZero();
        assertThat(replayed.actions()).containsExactly(run.actions());
        assertThat(replayed.startSeconds()).containsExactly(run.startSeconds());
    }

    /** An offline schedule (the decoded slots of a greedy run with other slots) replays into a valid online run. */
    @Test
    void replayingAnOfflineScheduleGivesAValidOnlineRun() {
        DvampInstance instance = DvampTestInstances.window(94599, 1049, 150);
        DvampWorkload workload = DvampWorkload.of(instance);
        DvampRun run = DvampSimulator.run(instance, DvampPolicies.create("bf", 1), 0, DvampObserver.NONE);
        int[] slots = DvampDecoder.slotsOf(workload, DvampProblem.fromRun(instance, run, "bf").placements());
        for (int j = 0; j < slots.length; j += 7) {
            slots[j] = (slots[j] + 1) % (workload.isDouble(j) ? workload.pmCount() : workload.nodeCount());
        }
        long[] starts = DvampDecoder.decode(workload, slots);
        List<DvampPlacement> placements = new ArrayList<>();
        for (int j = 0; j < slots.length; j++) {
            int action = DvampDecoder.actionOfSlot(workload, j, slots[j]);
            placements.add(new DvampPlacement(instance.vms().get(j).id(), action >> 1,
                    workload.isDouble(j) ? null : action & 1, starts[j]));
        }
        DvampSolution offline = new DvampSolution(DvampSolution.Schedule.OFFLINE, null, placements, null);
        assertThat(DvampVerifier.verify(instance, offline)).isEmpty();

        DvampReplayPolicy replay = new DvampReplayPolicy(offline);
        DvampRun replayed = DvampSimulator.run(instance, replay, 0, DvampObserver.NONE);
        DvampSolution online = DvampProblem.fromRun(instance, replayed, "replay");
        assertThat(replayed.placedCount()).isEqualTo(slots.length);
        assertThat(DvampVerifier.verify(instance, online)).isEmpty();
    }
}
