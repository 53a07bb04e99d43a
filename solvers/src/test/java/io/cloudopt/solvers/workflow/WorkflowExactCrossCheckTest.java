package io.cloudopt.solvers.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowSimulator;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.model.workflow.WorkflowVerifier;
import io.cloudopt.model.workflow.WorkflowToyTest;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On seeded tiny instances: CP-SAT = MILP = brute force, both proven optimal with the bound at the
 * optimum; no policy ever costs less than the hindsight optimum; every cost is at least the cost floor.
 */
class WorkflowExactCrossCheckTest {
    static final SolveOptions OPTIONS = SolveOptions.withTimeLimit(Duration.ofSeconds(20));

    static LongStream seeds() {
        return LongStream.range(1, 31);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exactSolversAgreeWithBruteForce(long seed) {
        WorkflowInstance instance = WorkflowTinyInstances.random(seed);
        WorkflowSolution brute = WorkflowBruteForce.solve(instance);
        assertThat(WorkflowVerifier.verify(instance, brute)).as("seed %d brute force", seed).isEmpty();
        double optimum = WorkflowEvaluator.objective(instance, brute);
        double floor = WorkflowEvaluator.costFloor(instance);
        assertThat(optimum).as("seed %d", seed).isGreaterThanOrEqualTo(floor - 1e-9);
        for (var solver : List.of(new WorkflowCpSat(), new WorkflowMilp())) {
            VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE, solver, instance,
                    OPTIONS);
            SolveReport<WorkflowSolution> report = solve.report();
            assertThat(solve.violations()).as("seed %d %s", seed, solver.name()).isEmpty();
            assertThat(report.status()).as("seed %d %s: %s objective %s bound %s optimum %s stats %s", seed,
                            solver.name(), report.status(), report.objective(), report.bound(), optimum, report.stats()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(report.objective()).as("seed %d %s objective", seed, solver.name())
                    .isCloseTo(optimum, within(1e-6));
            assertThat(report.bound()).as("seed %d %s bound", seed, solver.name())
                    .isLessThanOrEqualTo(optimum + 1e-6).isCloseTo(optimum, within(1e-5));
        }
        for (String policy : WorkflowPolicies.NAMES) {
            WorkflowSimulator simulator = new WorkflowSimulator(instance);
            double total = simulator.run(WorkflowPolicies.create(policy)).totalCost();
            assertThat(total).as("seed %d policy %s below the hindsight optimum", seed, policy)
                    .isGreaterThanOrEqualTo(optimum - 1e-9);
        }
    }

    /** The toy of §3: every policy and both exact solvers cost at least the floor; no policy below the bound. */
    @Test
    void toyPoliciesAboveBoundAndFloor() {
        WorkflowInstance toy = WorkflowToyTest.toy();
        double floor = WorkflowEvaluator.costFloor(toy);
        List<Double> totals = new ArrayList<>();
        for (String policy : WorkflowPolicies.NAMES) {
            totals.add(new WorkflowSimulator(toy).run(WorkflowPolicies.create(policy)).totalCost());
        }
        SolveReport<WorkflowSolution> milp = VerifiedSolve.run(WorkflowProblem.INSTANCE, new WorkflowMilp(), toy,
                OPTIONS).report();
        assertThat(milp.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(milp.objective()).isCloseTo(1.5617777778, within(1e-9));
        totals.add(milp.objective());
        assertThat(totals).allSatisfy(total -> assertThat(total).isGreaterThanOrEqualTo(floor)
                .isGreaterThanOrEqualTo(milp.bound() - 1e-9));
    }
}
