package io.cloudopt.solvers.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.model.dvamp.DvampVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The look-ahead expert of problems/dvamp.md §9: feasible online runs, never better than the optimum. */
class DvampLookaheadPolicyTest {
    /**
     * With a window covering the whole example every decision is solved to optimality, so the run
     * reaches the offline optimum 380 (which the greedy policies reach too).
     */
    @Test
    void wholeWindowReachesTheExampleOptimum() {
        DvampInstance instance = DvampTinyInstances.example();
        DvampLookaheadPolicy policy = new DvampLookaheadPolicy(6, Duration.ofSeconds(5), 1);
        List<SolveStatus> statuses = new ArrayList<>();
        DvampRun run = DvampSimulator.run(instance, policy, 0,
                (state, vm, action, wait, reward) -> statuses.add(policy.lastStatus()));
        assertThat(run.totalWaitSeconds()).isEqualTo(380);
        assertThat(statuses).containsOnly(SolveStatus.OPTIMAL);
        assertThat(policy.lastRelGap()).isZero();
    }

    @Test
    void runsAreOnlineFeasibleAndNeverBeatTheOptimum() {
        for (long seed = 0; seed < 12; seed++) {
            DvampInstance instance = DvampTinyInstances.random(seed, 6);
            DvampLookaheadPolicy policy = new DvampLookaheadPolicy(3, Duration.ofSeconds(2), 1);
            DvampRun run = DvampSimulator.run(instance, policy, 0, DvampObserver.NONE);
            DvampSolution solution = DvampProblem.fromRun(instance, run, policy.name());
            assertThat(DvampVerifier.verify(instance, solution)).as("seed %d", seed).isEmpty();
            assertThat(run.totalWaitSeconds()).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(new DvampBruteForce(instance).optimumTotalWaitSeconds());
        }
    }
}
