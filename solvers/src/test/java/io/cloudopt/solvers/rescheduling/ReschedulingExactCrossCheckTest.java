package io.cloudopt.solvers.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.Solver;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On 120 seeded tiny instances: the exact solvers' OPTIMAL plans equal the brute-force optimum over
 * all valid plans, every plan passes the verifier, no solver beats the optimum and every bound is
 * at most the optimum.
 */
class ReschedulingExactCrossCheckTest {
    private static final SolveOptions OPTIONS = SolveOptions.withTimeLimit(Duration.ofSeconds(20));
    private static final double EPS = 1e-9;

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    static List<Solver<ReschedulingInstance, ReschedulingSolution>> solvers() {
        return List.of(new ReschedulingMilp(), new ReschedulingAggMilp(), new ReschedulingCpSat(),
                new ReschedulingLns(5), new ReschedulingPop(2), new ReschedulingReducedMilp(),
                new ReschedulingGreedy(ReschedulingGreedy.Variant.CORRECTED));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void solversAgreeWithBruteForce(long seed) {
        ReschedulingInstance instance = TinyReschedulingInstances.random(seed);
        ReschedulingState initial = ReschedulingState.initial(instance);
        long optimum = TinyReschedulingInstances.bruteForce(instance);
        double optimumRate = ReschedulingBounds.rate(optimum, initial.freeCores());
        String context = "seed " + seed + " (optimum " + optimum + " fragment cores)";
        assertThat(ReschedulingBounds.fragments(initial, instance.maxMigrations())).as(context).isLessThanOrEqualTo(optimum);
        for (Solver<ReschedulingInstance, ReschedulingSolution> solver : solvers()) {
            VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE, solver,
                    instance, OPTIONS);
            String as = solver.name() + ", " + context;
            assertThat(solve.violations()).as(as).isEmpty();
            assertThat(solve.report().objective()).as(as).isGreaterThanOrEqualTo(optimumRate - EPS);
            if (solve.report().bound() != null) {
                assertThat(solve.report().bound()).as(as).isLessThanOrEqualTo(optimumRate + EPS);
            }
            if (solve.report().status() == SolveStatus.OPTIMAL) {
                assertThat(solve.report().objective()).as(as).isCloseTo(optimumRate, org.assertj.core.api.Assertions.within(EPS));
            }
        }
    }

    @Test
    void theCrossCheckIsNotVacuous() {
        int improvable = 0;
        int optimal = 0;
        for (long seed : seeds().toArray()) {
            ReschedulingInstance instance = TinyReschedulingInstances.random(seed);
            long optimum = TinyReschedulingInstances.bruteForce(instance);
            improvable += optimum < ReschedulingState.initial(instance).totalFragments() ? 1 : 0;
            optimal += new ReschedulingAggMilp().solve(instance, OPTIONS).status() == SolveStatus.OPTIMAL ? 1 : 0;
        }
        assertThat(improvable).isGreaterThanOrEqualTo(30);
        assertThat(optimal).isGreaterThanOrEqualTo(100);
    }

    @Test
    void heuristicsAreDeterministicGivenTheSeed() {
        ReschedulingInstance instance = TinyReschedulingInstances.random(7).withMaxMigrations(3);
        for (Solver<ReschedulingInstance, ReschedulingSolution> solver
                : List.<Solver<ReschedulingInstance, ReschedulingSolution>>of(new ReschedulingLns(20),
                new ReschedulingPop(2))) {
            ReschedulingSolution first = solver.solve(instance, OPTIONS).solution();
            ReschedulingSolution second = solver.solve(instance, OPTIONS).solution();
            assertThat(second).as(solver.name()).isEqualTo(first);
        }
    }
}
