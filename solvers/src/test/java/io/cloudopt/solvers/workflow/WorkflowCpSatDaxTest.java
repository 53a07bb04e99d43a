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

/** CP-SAT proves the hindsight optimum of every single size-S DAX workflow (§7), γ = 1.0 … 2.25. */
@Tag("slow")
class WorkflowCpSatDaxTest {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowCpSatDaxTest.class);

    static Stream<Arguments> singleWorkflows() {
        return WorkflowDaxInstances.SIZE_S.stream()
                .flatMap(dax -> WorkflowDaxInstances.GAMMAS.stream().map(gamma -> Arguments.of(dax, gamma)));
    }

    @ParameterizedTest(name = "{0} gamma {1}")
    @MethodSource("singleWorkflows")
    void provesOptimality(String dax, double gamma) {
        WorkflowInstance instance = WorkflowDaxInstances.single(dax, gamma);
        VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE, new WorkflowCpSat(),
                instance, SolveOptions.withTimeLimit(Duration.ofSeconds(120)));
        SolveReport<WorkflowSolution> report = solve.report();
        LOG.info("{} gamma {}: {} objective {} bound {} wall {} s stats {}", dax, gamma, report.status(),
                report.objective(), report.bound(), report.wallSeconds(), report.stats());
        assertThat(solve.violations()).isEmpty();
        assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(report.objective()).isGreaterThanOrEqualTo(WorkflowEvaluator.costFloor(instance) - 1e-9);
        assertThat(report.bound()).isLessThanOrEqualTo((Double) report.stats().get("incumbentUsd") + 1e-9);
    }
}
