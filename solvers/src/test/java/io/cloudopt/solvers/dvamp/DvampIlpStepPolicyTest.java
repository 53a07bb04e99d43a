package io.cloudopt.solvers.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.dvamp.DvampBestFitPolicy;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ilp-step must choose what bf chooses at every decision (problems/dvamp.md §9). */
class DvampIlpStepPolicyTest {
    @ParameterizedTest(name = "start {0} warm-up {1}, {2} VMs")
    @CsvSource({"72412,887,150", "94599,1049,100", "88346,635,100"})
    void equalsBestFitAtEveryDecision(int start, int warmup, int count) {
        DvampInstance instance = DvampTestInstances.window(start, warmup, count);
        DvampIlpStepPolicy ilp = new DvampIlpStepPolicy();
        List<String> differences = new ArrayList<>();
        DvampRun run = DvampSimulator.run(instance, new DvampBestFitPolicy(), 0, (state, vm, action, wait, reward) -> {
            int chosen = ilp.choose(state, vm);
            if (chosen != action) {
                differences.add("vm " + vm + " at t=" + state.timeSeconds() + ": bf " + action + ", ilp-step " + chosen);
            }
        });
        assertThat(run.placedCount()).isEqualTo(count);
        assertThat(run.totalWaitSeconds()).isPositive();
        assertThat(differences).isEmpty();
    }
}
