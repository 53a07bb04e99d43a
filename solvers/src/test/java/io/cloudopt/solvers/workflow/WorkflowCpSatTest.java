package io.cloudopt.solvers.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.model.workflow.WorkflowToyTest;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkflowCpSatTest {
    static final SolveOptions OPTIONS = SolveOptions.withTimeLimit(Duration.ofSeconds(20));

    /**
     * §12: one 8-vCPU VM, A 0–60, B 60–180, C 180–360 (p = 480, 960, 1440 on 8 vCPUs); one hour
     * $0.384; D = 40 s, late by 320 s: 1 + 2·320/3600 = 1.1777…; total 1.5617777778.
     */
    @Test
    void toyOptimum() {
        WorkflowInstance toy = WorkflowToyTest.toy();
        VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE, new WorkflowCpSat(), toy,
                OPTIONS);
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(solve.report().objective()).isCloseTo(1.5617777778, within(1e-9));
        assertThat(solve.report().bound()).isCloseTo(1.5617777778, within(1e-9));
        assertThat(solve.report().relGap()).isZero();
        WorkflowSolution solution = solve.report().solution();
        assertThat(solution.vms()).containsExactly(new WorkflowSolution.Lease("vm0", "m5.2xlarge", 0.0, 1));
        assertThat(solution.assignments()).extracting(WorkflowSolution.Assignment::finishSeconds)
                .contains(360.0);
    }

    /** Capped slots give no certified CP-SAT bound: the reported bound is the combinatorial one. */
    @Test
    void cappedSlotsReportOnlyTheCombinatorialBound() {
        VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE,
                new WorkflowCpSat(new WorkflowCpSat.Config(1)), WorkflowToyTest.toy(), OPTIONS);
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().bound())
                .isEqualTo(WorkflowLowerBound.compute(WorkflowToyTest.toy()).boundUsd());
        assertThat(solve.report().stats()).containsKey("cappedBound").containsEntry("cpsatBound", null)
                .containsEntry("boundSource", "combinatorial");
        assertThat(solve.report().status()).isEqualTo(SolveStatus.FEASIBLE);
    }
}
