package io.cloudopt.solvers.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowSimulator;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CP-SAT on the 30-workflow GATES test instances of size S: the model is too large to build, so the
 * solver returns within its limit with the best verified policy or list schedule and the
 * combinatorial bound, which no policy beats.
 */
class WorkflowCpSatLargeTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @ParameterizedTest(name = "S instance {0} gamma {1}")
    @CsvSource({"0, 1.0", "0, 1.5", "1, 1.0", "2, 1.5"})
    void incumbentAndBoundWithinTheLimit(int index, double gamma) {
        WorkflowInstance instance = WorkflowDaxInstances.sizeS(index, gamma);
        VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE, new WorkflowCpSat(),
                instance, SolveOptions.withTimeLimit(LIMIT));
        SolveReport<WorkflowSolution> report = solve.report();
        assertThat(report.wall()).isLessThanOrEqualTo(LIMIT.multipliedBy(11).dividedBy(10).plusSeconds(1));
        assertThat(solve.violations()).isEmpty();
        assertThat(report.solution()).isNotNull();
        assertThat(report.status()).isIn(SolveStatus.FEASIBLE, SolveStatus.OPTIMAL);
        assertThat(report.termination()).isEqualTo(Termination.CONVERGED);
        assertThat(report.stats()).containsEntry("modelSkipped", true).containsEntry("boundSource", "combinatorial");
        assertThat((Long) report.stats().get("estimatedModelSize")).isGreaterThan(WorkflowCpSat.MAX_MODEL_PAIRS);
        double objective = report.objective();
        assertThat(objective).isEqualTo(WorkflowEvaluator.objective(instance, report.solution()));
        double bound = report.bound();
        assertThat(bound).isEqualTo(WorkflowLowerBound.compute(instance).boundUsd())
                .isGreaterThanOrEqualTo(WorkflowEvaluator.costFloor(instance))
                .isLessThanOrEqualTo(objective + 1e-9);
        for (String policy : WorkflowPolicies.NAMES) {
            double total = new WorkflowSimulator(instance).run(WorkflowPolicies.create(policy)).totalCost();
            assertThat(total).as("%s on S-%d gamma %s", policy, index, gamma).isGreaterThanOrEqualTo(bound - 1e-9);
            assertThat(objective).as("incumbent vs %s", policy).isLessThanOrEqualTo(total + 1e-9);
        }
    }

    /** When the model is built, the bound is still at least the combinatorial one. */
    @Test
    void builtModelBoundAtLeastTheCombinatorialBound() {
        WorkflowInstance instance = WorkflowDaxInstances.single("Montage_25", 1.0);
        SolveReport<WorkflowSolution> report = new WorkflowCpSat().solve(instance,
                SolveOptions.withTimeLimit(Duration.ofSeconds(5)));
        assertThat(report.stats()).containsEntry("modelSkipped", false).containsKey("boundSource");
        assertThat(report.bound()).isGreaterThanOrEqualTo(WorkflowLowerBound.compute(instance).boundUsd())
                .isLessThanOrEqualTo(report.objective() + 1e-9);
    }
}
