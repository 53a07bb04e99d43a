package io.cloudopt.solvers.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single size-S workflows that CP-SAT did not prove within 60 s on one thread before the phase
 * loads, the lattice secants and the complete hint: each is now OPTIMAL within that limit (bound
 * within the gap tolerance of the verified objective).
 */
@Tag("slow")
class WorkflowCpSatProvenTest {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowCpSatProvenTest.class);

    @ParameterizedTest(name = "{0} gamma {1}")
    @CsvSource({
        "Montage_25, 1.0", "Montage_25, 1.25", "Montage_25, 1.5", "Montage_25, 1.75", "Montage_25, 2.0",
        "Montage_25, 2.25", "CyberShake_30, 1.75", "CyberShake_30, 2.0", "CyberShake_30, 2.25",
        "Inspiral_30, 1.0", "Inspiral_30, 1.25", "Inspiral_30, 2.25"})
    void provesOptimality(String dax, double gamma) {
        WorkflowInstance instance = WorkflowDaxInstances.single(dax, gamma);
        VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE, new WorkflowCpSat(),
                instance, SolveOptions.withTimeLimit(Duration.ofSeconds(60)));
        SolveReport<WorkflowSolution> report = solve.report();
        LOG.info("{} gamma {}: {} objective {} bound {} wall {} s", dax, gamma, report.status(), report.objective(),
                report.bound(), report.wallSeconds());
        assertThat(solve.violations()).isEmpty();
        assertThat(report.status()).as("%s gamma %s: bound %s objective %s", dax, gamma, report.bound(),
                report.objective()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(report.bound()).isLessThanOrEqualTo(report.objective() + 1e-9)
                .isGreaterThanOrEqualTo(report.objective() - WorkflowCpSat.gapTolerance(report.objective()));
    }

    /** Where the MILP proves the optimum of a single size-S workflow within a minute, CP-SAT agrees. */
    @ParameterizedTest(name = "{0} gamma {1}")
    @CsvSource({"Sipht_30, 2.25"})
    void agreesWithTheMilp(String dax, double gamma) {
        WorkflowInstance instance = WorkflowDaxInstances.single(dax, gamma);
        SolveOptions options = SolveOptions.withTimeLimit(Duration.ofSeconds(60));
        SolveReport<WorkflowSolution> milp = VerifiedSolve.run(WorkflowProblem.INSTANCE, new WorkflowMilp(), instance,
                options).report();
        SolveReport<WorkflowSolution> cpsat = VerifiedSolve.run(WorkflowProblem.INSTANCE, new WorkflowCpSat(), instance,
                options).report();
        assertThat(milp.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(cpsat.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(cpsat.objective()).isCloseTo(milp.objective(), org.assertj.core.api.Assertions.within(1e-6));
    }
}
