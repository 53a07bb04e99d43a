package io.cloudopt.model.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.LoadedInstance;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worked example of problems/dvamp.md §3 and §12(a). */
class DvampExampleTest {
    static DvampInstance example() {
        try {
            Path file = Path.of(DvampExampleTest.class.getResource("/dvamp/example-1pm.json").toURI());
            LoadedInstance<DvampInstance> loaded = Instances.read(file, DvampProblem.INSTANCE);
            return loaded.instance();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * By hand: v0 (double, 48/96) takes 24 cores on both nodes until 100; v1, v2 take 16 cores
     * (32 half-units) on node 0 and node 1 → node0 cpu 48+32=80 of 80, node1 80 of 80. v3 waits for
     * v1's end at 60 (wait 30); v4 (double, 64 cores → 32 per node = 64 half-units) needs v0 and v2
     * gone: 220 (wait 180); v5 queues behind v4: 220 (wait 170). WT = 380.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ff", "bf", "balance"})
    void policiesGiveTheWorkedTotalWait(String policy) {
        DvampInstance instance = example();
        DvampRun run = DvampSimulator.run(instance, DvampPolicies.create(policy, 1), 0, DvampObserver.NONE);
        assertThat(run.totalWaitSeconds()).isEqualTo(380);
        assertThat(run.startSeconds()).containsExactly(0, 10, 20, 60, 220, 220);
        DvampSolution solution = DvampProblem.fromRun(instance, run, policy);
        assertThat(DvampVerifier.verify(instance, solution)).isEmpty();
        assertThat(DvampEvaluator.objective(instance, solution)).isEqualTo(380.0);
    }

    @Test
    void firstFitActionsAreTheSpecExample() {
        DvampInstance instance = example();
        DvampRun run = DvampSimulator.run(instance, new DvampFirstFitPolicy(), 0, DvampObserver.NONE);
        assertThat(run.actions()).containsExactly(0, 0, 1, 0, 0, 0);
        assertThat(run.rewardSum()).isEqualTo(-Math.log1p(30) - Math.log1p(180) - Math.log1p(170));
    }

    @Test
    void delayedStartIsNotWorkConserving() {
        DvampInstance instance = example();
        DvampRun run = DvampSimulator.run(instance, new DvampFirstFitPolicy(), 0, DvampObserver.NONE);
        DvampSolution online = DvampProblem.fromRun(instance, run, "ff");
        List<DvampPlacement> moved = new java.util.ArrayList<>(online.placements());
        DvampPlacement v3 = moved.get(3);
        moved.set(3, new DvampPlacement(v3.vmId(), v3.pm(), v3.numa(), 70));
        DvampSolution delayed = new DvampSolution(DvampSolution.Schedule.ONLINE, "ff", moved, null);
        assertThat(DvampVerifier.verify(instance, delayed)).extracting(Object::toString)
                .containsExactly("S7 $.placements[3].startSeconds: 70, simulator gives 60 (not work-conserving)");
        DvampSolution offline = new DvampSolution(DvampSolution.Schedule.OFFLINE, null, moved, null);
        assertThat(DvampVerifier.verify(instance, offline)).isEmpty();
        assertThat(DvampEvaluator.objective(instance, offline)).isEqualTo(390.0);
    }

    @Test
    void overloadedNodeIsReportedWithItsTime() {
        DvampInstance instance = example();
        DvampRun run = DvampSimulator.run(instance, new DvampFirstFitPolicy(), 0, DvampObserver.NONE);
        List<DvampPlacement> moved = new java.util.ArrayList<>(DvampProblem.fromRun(instance, run, "ff").placements());
        // v3 on node 0 at t=30: node 0 holds v0 (24 cores = 48 half) + v1 (32) + v3 (16) = 96 > 80.
        moved.set(3, new DvampPlacement("v3", 0, 0, 30));
        DvampSolution broken = new DvampSolution(DvampSolution.Schedule.OFFLINE, null, moved, null);
        assertThat(DvampVerifier.verify(instance, broken)).extracting(Object::toString)
                .containsExactly("O3 $.placements[3]: pm0/numa0 cpu 96 > 80 half-units at t=30");
    }
}
