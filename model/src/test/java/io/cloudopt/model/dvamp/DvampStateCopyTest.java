package io.cloudopt.model.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copies taken during a run keep the state the policy saw, whatever the simulator does afterwards. */
class DvampStateCopyTest {
    @Test
    void copiesKeepTheStateSeenAtEachDecision() {
        DvampInstance instance = DvampExampleTest.example();
        List<DvampState> copies = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        DvampRun run = DvampSimulator.run(instance, new DvampFirstFitPolicy(), 0, (state, vm, action, wait, reward) -> {
            copies.add(state.copy());
            seen.add(describe(state));
        });
        assertThat(copies).hasSize(run.placedCount());
        DvampFirstFitPolicy policy = new DvampFirstFitPolicy();
        for (int vm = 0; vm < copies.size(); vm++) {
            assertThat(describe(copies.get(vm))).isEqualTo(seen.get(vm));
            assertThat(policy.choose(copies.get(vm), vm)).isEqualTo(run.actions()[vm]);
        }
    }

    /** Clock, remaining capacities and running VMs as text. */
    private static String describe(DvampState state) {
        StringBuilder text = new StringBuilder("t=").append(state.timeSeconds());
        for (int node = 0; node < state.nodeCount(); node++) {
            text.append(' ').append(state.remainingCpuHalf(node)).append('/').append(state.remainingMemoryHalf(node));
        }
        List<String> running = new ArrayList<>();
        for (long[] row : state.running()) {
            running.add(Arrays.toString(row));
        }
        running.sort(null);
        return text.append(' ').append(running).toString();
    }
}
