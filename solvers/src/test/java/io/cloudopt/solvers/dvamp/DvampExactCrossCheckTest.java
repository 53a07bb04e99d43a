package io.cloudopt.solvers.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On 120 seeded tiny instances (1–2 PMs, 3–6 VMs, single and double, every third starting in a
 * running cluster): CP-SAT = MILP (SCIP) = brute force when both are OPTIMAL, every policy waits at
 * least the optimum, and B1, its node-aware variant and both dual bounds lie below it. A failure names its seed.
 */
class DvampExactCrossCheckTest {
    private static final SolveOptions OPTIONS = SolveOptions.withTimeLimit(Duration.ofSeconds(20));

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exactModelsAgreeWithBruteForce(long seed) {
        DvampInstance instance = DvampTinyInstances.random(seed, 6);
        long optimum = new DvampBruteForce(instance).optimumTotalWaitSeconds();

        VerifiedSolve<?> cpSat = VerifiedSolve.run(DvampProblem.INSTANCE, new DvampCpSat(), instance, OPTIONS);
        VerifiedSolve<?> milp = VerifiedSolve.run(DvampProblem.INSTANCE,
                new DvampMilp(MpSolverSupport.Backend.SCIP), instance, OPTIONS);
        for (VerifiedSolve<?> solve : List.of(cpSat, milp)) {
            assertThat(solve.violations()).as("seed %d", seed).isEmpty();
            assertThat(solve.report().status()).as("seed %d", seed).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(solve.report().objective()).as("seed %d", seed).isEqualTo((double) optimum);
            assertThat(solve.report().bound()).as("seed %d", seed).isLessThanOrEqualTo(optimum + 1e-6);
            assertThat(solve.report().stats()).as("seed %d", seed).doesNotContainKey("objectiveMismatch");
        }
        long pool = DvampBounds.pooledFifo(instance).lowerBoundSeconds();
        long poolWithNodes = DvampBounds.pooledFifoWithInitialNodes(DvampWorkload.of(instance),
                instance.placementCap()).lowerBoundSeconds();
        assertThat(pool).as("seed %d", seed).isLessThanOrEqualTo(poolWithNodes);
        assertThat(poolWithNodes).as("seed %d", seed).isLessThanOrEqualTo(optimum);
        for (String policy : List.of("ff", "bf", "balance", "wf")) {
            long wait = DvampSimulator.run(instance, DvampPolicies.create(policy, 1), 0, DvampObserver.NONE)
                    .totalWaitSeconds();
            assertThat(wait).as("seed %d policy %s", seed, policy).isGreaterThanOrEqualTo(optimum);
        }
    }

    /** §12(a): the offline optimum of the example is 380, though B1 gives only 150. */
    @Test
    void exampleOptimumIs380() {
        DvampInstance instance = DvampTinyInstances.example();
        assertThat(new DvampBruteForce(instance).optimumTotalWaitSeconds()).isEqualTo(380);
        VerifiedSolve<?> cpSat = VerifiedSolve.run(DvampProblem.INSTANCE, new DvampCpSat(), instance, OPTIONS);
        assertThat(cpSat.report().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(cpSat.report().objective()).isEqualTo(380.0);
        assertThat(cpSat.report().relGap()).isZero();
    }

    /** Under vmagent, CP-SAT's placed prefix equals the MILP's on the same tiny instances. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("vmagentSeeds")
    void vmagentModelsAgree(long seed) {
        DvampInstance instance = DvampTinyInstances.vmagent(seed, 6, seed % 2 == 0);
        VerifiedSolve<?> cpSat = VerifiedSolve.run(DvampProblem.INSTANCE, new DvampCpSat(), instance, OPTIONS);
        VerifiedSolve<?> milp = VerifiedSolve.run(DvampProblem.INSTANCE,
                new DvampMilp(MpSolverSupport.Backend.SCIP), instance, OPTIONS);
        assertThat(cpSat.violations()).as("seed %d", seed).isEmpty();
        assertThat(milp.violations()).as("seed %d", seed).isEmpty();
        assertThat(cpSat.report().status()).as("seed %d", seed).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(milp.report().objective()).as("seed %d", seed).isEqualTo(cpSat.report().objective());
        for (String policy : List.of("ff", "bf", "balance", "wf")) {
            int placed = DvampSimulator.run(instance, DvampPolicies.create(policy, 1), 0, DvampObserver.NONE)
                    .placedCount();
            assertThat((double) placed).as("seed %d policy %s", seed, policy)
                    .isLessThanOrEqualTo(cpSat.report().objective());
        }
    }

    static LongStream vmagentSeeds() {
        return LongStream.range(0, 20);
    }
}
