package io.cloudopt.solvers.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CP-SAT on every single size-S DAX workflow (§7), γ = 1.0 … 2.25: a verified schedule no worse
 * than the best incumbent, above the cost floor, and a bound below it. Proven optimality within the
 * limit is logged, not asserted (it depends on the machine's speed); see the branch notes.
 */
@Tag("slow")
class WorkflowCpSatDaxTest {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowCpSatDaxTest.class);

    static Stream<Arguments> singleWorkflows() {
        return WorkflowDaxInstances.SIZE_S.stream()
                .flatMap(dax -> WorkflowDaxInstances.GAMMAS.stream().map(gamma -> Arguments.of(dax, gamma)));
    }

    @ParameterizedTest(name = "{0} gamma {1}")
    @MethodSource("singleWorkflows")
    void boundsTheOptimum(String dax, double gamma) {
        WorkflowInstance instance = WorkflowDaxInstances.single(dax, gamma);
        VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE, new WorkflowCpSat(),
                instance, SolveOptions.withTimeLimit(Duration.ofSeconds(120)));
        SolveReport<WorkflowSolution> report = solve.report();
        LOG.info("{} gamma {}: {} objective {} bound {} wall {} s stats {}", dax, gamma, report.status(),
                report.objective(), report.bound(), report.wallSeconds(), report.stats());
        assertThat(solve.violations()).isEmpty();
        assertThat(report.status()).isIn(SolveStatus.OPTIMAL, SolveStatus.FEASIBLE);
        double incumbent = (Double) report.stats().get("incumbentUsd");
        assertThat(report.objective()).isLessThanOrEqualTo(incumbent + 1e-9);
        assertThat(report.bound()).isLessThanOrEqualTo(report.objective() + 1e-9);
        assertThat(report.objective()).isGreaterThanOrEqualTo(WorkflowEvaluator.costFloor(instance) - 1e-9);
    }
}
