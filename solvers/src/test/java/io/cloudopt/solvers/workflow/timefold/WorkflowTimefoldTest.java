package io.cloudopt.solvers.workflow.timefold;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.cloudopt.instances.workflow.DaxReader;
import io.cloudopt.instances.workflow.GatesTestConverter;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.testing.SharedData;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.model.workflow.WorkflowToyTest;
import io.cloudopt.model.workflow.WorkflowVerifier;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import io.cloudopt.solvers.workflow.WorkflowSolvers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class WorkflowTimefoldTest {
    static final SolveOptions OPTIONS = SolveOptions.withTimeLimit(Duration.ofSeconds(5));
    static final WorkflowTimefold.Config QUICK = new WorkflowTimefold.Config(Duration.ofSeconds(1));

    /** §12: the offline optimum of the toy is 1.5617777778; a heuristic can reach it, never beat it. */
    @Test
    void toyVerifiesAndNeverBeatsTheOptimum() {
        VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE,
                new WorkflowTimefold(QUICK, EnvironmentMode.FULL_ASSERT), WorkflowToyTest.toy(), OPTIONS);
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().status()).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(solve.report().bound()).isNull();
        assertThat(solve.report().objective()).isGreaterThanOrEqualTo(1.5617777778 - 1e-9);
    }

    /** Three DAX workflows: the result verifies and costs no more than its construction. */
    @Test
    void daxWorkflowsNeverWorseThanConstruction() {
        WorkflowInstance instance = threeDaxWorkflows();
        WorkflowRetiming retiming = new WorkflowRetiming(instance);
        WorkflowPlan start = WorkflowTimefold.construct(instance, retiming).plan();
        WorkflowSolution constructed = retiming.solution(start.slotTasks(), start.slotTypes(), "construction");
        assertThat(WorkflowVerifier.verify(instance, constructed)).isEmpty();
        double constructionUsd = WorkflowEvaluator.objective(instance, constructed);

        VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE,
                new WorkflowTimefold(QUICK, EnvironmentMode.NO_ASSERT), instance, OPTIONS);
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().objective()).isLessThanOrEqualTo(constructionUsd + 1e-9);
        assertThat(solve.report().objective()).isGreaterThanOrEqualTo(WorkflowEvaluator.costFloor(instance));
    }

    /** The re-timed score of a schedule is the evaluator's objective, in micro-dollars. */
    @Test
    void scoreAgreesWithTheEvaluator() {
        WorkflowInstance instance = threeDaxWorkflows();
        WorkflowRetiming retiming = new WorkflowRetiming(instance);
        WorkflowPlan start = WorkflowTimefold.construct(instance, retiming).plan();
        long[] score = retiming.score(start.slotTasks(), start.slotTypes());
        WorkflowSolution solution = retiming.solution(start.slotTasks(), start.slotTypes(), "construction");
        assertThat(score[0]).isZero();
        assertThat(-score[1] / 1e6).isCloseTo(WorkflowEvaluator.objective(instance, solution),
                org.assertj.core.api.Assertions.within(1e-5));
    }

    /** A slot order that runs a child before its parent is a cycle: a hard violation. */
    @Test
    void childBeforeParentOnASlotIsHard() {
        WorkflowInstance toy = WorkflowToyTest.toy();
        WorkflowRetiming retiming = new WorkflowRetiming(toy);
        int child = -1;
        int parent = -1;
        for (int j = 0; j < retiming.taskCount && child < 0; j++) {
            if (retiming.parents[j].length > 0) {
                child = j;
                parent = retiming.parents[j][0];
            }
        }
        int[][] slots = new int[retiming.taskCount][];
        int[] types = new int[retiming.taskCount];
        int other = 0;
        slots[0] = new int[] {child, parent};
        for (int j = 0, v = 1; j < retiming.taskCount; j++) {
            if (j != child && j != parent) {
                slots[v++] = new int[] {j};
                other++;
            }
        }
        for (int v = 1 + other; v < slots.length; v++) {
            slots[v] = new int[0];
        }
        assertThat(retiming.score(slots, types)[0]).isNegative();
    }

    @Test
    void registered() {
        assertThat(WorkflowSolvers.CATALOG.names()).contains("timefold");
    }

    /** GATES S instance 0 at γ = 1.5 for 30 s: verifies and beats prolis. */
    @Test
    @Tag("slow")
    void gatesSizeSInstance0() {
        GatesTestConverter.Table table = GatesTestConverter.read(SharedData.file("workflow/gates_test_instances_S.csv"));
        WorkflowInstance instance = GatesTestConverter.convert(table, 0, 1.5, SharedData.file("workflow/dax"),
                new java.util.HashMap<>());
        VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE,
                new WorkflowTimefold(), instance, SolveOptions.withTimeLimit(Duration.ofSeconds(30)));
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().objective()).isGreaterThanOrEqualTo(WorkflowEvaluator.costFloor(instance));
        assertThat(solve.report().objective()).isLessThanOrEqualTo(82.94);
    }

    static WorkflowInstance threeDaxWorkflows() {
        List<Workflow> workflows = List.of(dax("Montage_25", "w0", 0.0), dax("CyberShake_30", "w1", 40.0),
                dax("Montage_25", "w2", 90.0));
        return new WorkflowInstance("three-dax-g1.5", "Montage, CyberShake, Montage", null, WorkflowInstance.GATES,
                GatesTestConverter.GATES_VM_TYPES, GatesTestConverter.REFERENCE_VCPUS, GatesTestConverter.GATES_PENALTY,
                1.5, workflows);
    }

    private static Workflow dax(String name, String id, double arrivalSeconds) {
        return DaxReader.read(SharedData.file("workflow/dax/" + name + ".xml"), id, name.substring(0, name.indexOf('_')),
                arrivalSeconds);
    }
}
