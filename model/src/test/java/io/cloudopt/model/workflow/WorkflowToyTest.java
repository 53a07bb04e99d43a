package io.cloudopt.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The toy instance of problems/workflow.md §3, with the golden runs of §12 worked by hand. */
public class WorkflowToyTest {
    public static final List<WorkflowVmType> GATES_TYPES = List.of(
            new WorkflowVmType("m5.large", 2, 0.096, 3600), new WorkflowVmType("m5.xlarge", 4, 0.192, 3600),
            new WorkflowVmType("m5.2xlarge", 8, 0.384, 3600), new WorkflowVmType("m5.4xlarge", 16, 0.768, 3600),
            new WorkflowVmType("m5.8xlarge", 32, 1.536, 3600), new WorkflowVmType("m5.12xlarge", 48, 2.304, 3600));

    public static WorkflowInstance toy() {
        Workflow fork = new Workflow("w0", "Toy", 0.0, null, List.of(
                new WorkflowTask("ID00000", 30.0, List.of()),
                new WorkflowTask("ID00001", 60.0, List.of("ID00000")),
                new WorkflowTask("ID00002", 90.0, List.of("ID00000"))));
        return new WorkflowInstance("toy-fork", "3-task fork", null, "gates", GATES_TYPES, 16,
                new WorkflowPenalty(1.0, 2.0), 1.0, List.of(fork));
    }

    /**
     * p = 480, 960, 1440 vCPU·s; CP = 480 + 1440 = 1920; D = 1920/48 = 40 s. Ranks: A 10 + 30 = 40,
     * B 20, C 30 → subD = 40·(40 − 40 + 10)/40 = 10, 40·(40 − 20 + 20)/40 = 40, 40·(40 − 30 + 30)/40 = 40.
     */
    @Test
    void graphQuantities() {
        WorkflowInstance instance = toy();
        WorkflowGraph graph = WorkflowGraph.of(instance, instance.workflows().get(0));
        assertThat(graph.criticalPathWork()).isEqualTo(1920.0);
        assertThat(graph.upwardRank(0)).isEqualTo(40.0);
        assertThat(graph.maxUpwardRank()).isEqualTo(40.0);
        double drel = 1920.0 * (1.0 / 48 * 1.0);
        assertThat(graph.subDeadlineOffset(0, drel)).isEqualTo(10.0);
        assertThat(graph.subDeadlineOffset(1, drel)).isEqualTo(40.0);
        assertThat(graph.subDeadlineOffset(2, drel)).isEqualTo(40.0);
    }

    /**
     * bestfit: A (480 vCPU·s) on a new 48-vCPU VM (10 s, cost 2.304, meets subD 10? 10 + 0 < 10 is
     * false, so every new type pays 1 + 2·(exec − 10); the 48-vCPU type is the cheapest at
     * 2.304 + 1 + 0 = 3.304). At t = 10, B on vm0: 20 s, remaining 3590 − 30 > 0, no extra hour;
     * 30 + 10 < 40 is false: 1 + 2·(20 + 10 − 40) = −19. C: 1 + 2·(30 + 10 − 40) = 1 on vm0.
     * Serial: A 0–10, B 10–30, C 30–60; finish 60, late by 20 s: 1 + 2·20/3600. Total 2.304 + 1.0111….
     */
    @Test
    void bestFitGoldenRun() {
        WorkflowSimulator simulator = new WorkflowSimulator(toy());
        WorkflowOutcome outcome = simulator.run(new WorkflowBestFitPolicy());
        assertThat(outcome.vmCost()).isEqualTo(2.304);
        assertThat(outcome.penalty()).isEqualTo(1 + 2.0 * 20 / 3600);
        assertThat(outcome.totalCost()).isCloseTo(3.3151111111, org.assertj.core.api.Assertions.within(1e-10));
        assertThat(outcome.missedDeadlines()).isEqualTo(1);
        assertThat(outcome.decisions()).isEqualTo(3);
        assertThat(outcome.billedHours()).isEqualTo(1);
        WorkflowSolution solution = simulator.solution("bestfit");
        assertThat(solution.vms()).containsExactly(new WorkflowSolution.Lease("vm0", "m5.12xlarge", 0.0, 1));
        assertThat(solution.assignments()).containsExactly(
                new WorkflowSolution.Assignment("w0", "ID00000", "vm0", 0.0, 10.0),
                new WorkflowSolution.Assignment("w0", "ID00001", "vm0", 10.0, 30.0),
                new WorkflowSolution.Assignment("w0", "ID00002", "vm0", 30.0, 60.0));
    }

    @Test
    void new48GoldenRun() {
        WorkflowOutcome outcome = new WorkflowSimulator(toy()).run(new WorkflowNew48Policy());
        assertThat(outcome.vmCost()).isEqualTo(2.304 + 2.304 + 2.304);
        assertThat(outcome.penalty()).isEqualTo(0.0);
        assertThat(outcome.missedDeadlines()).isZero();
    }

    /** A on a new 48 (only it meets subD 10); B on vm0 (30 <= 40, no extra hour); C misses on vm0 (60) → new 48. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"prolis", "reuse-first"})
    void prolisAndReuseFirstGoldenRuns(String policy) {
        WorkflowSimulator simulator = new WorkflowSimulator(toy());
        WorkflowOutcome outcome = simulator.run(WorkflowPolicies.create(policy));
        assertThat(outcome.vmCost()).isEqualTo(2.304 + 2.304);
        assertThat(outcome.penalty()).isZero();
        assertThat(simulator.solution(policy).assignments().get(2))
                .isEqualTo(new WorkflowSolution.Assignment("w0", "ID00002", "vm1", 10.0, 40.0));
    }

    @Test
    void verifierAcceptsTheSimulatorsScheduleAndRejectsATamperedOne() {
        WorkflowInstance instance = toy();
        WorkflowSimulator simulator = new WorkflowSimulator(instance);
        simulator.run(new WorkflowBestFitPolicy());
        WorkflowSolution solution = simulator.solution("bestfit");
        assertThat(WorkflowVerifier.verify(instance, solution)).isEmpty();
        assertThat(WorkflowEvaluator.objective(instance, solution)).isEqualTo(2.304 + (1 + 2.0 * 20 / 3600));
        java.util.List<WorkflowSolution.Assignment> moved = new java.util.ArrayList<>(solution.assignments());
        moved.set(2, new WorkflowSolution.Assignment("w0", "ID00002", "vm0", 20.0, 50.0));
        assertThat(WorkflowVerifier.verify(instance, new WorkflowSolution("offline", null, solution.vms(), moved)))
                .extracting(Object::toString)
                .containsExactly("O $.assignments[2].startSeconds: 20.0 overlaps task ID00001 of w0 on vm0 (until 30.0)");
        moved.set(2, new WorkflowSolution.Assignment("w0", "ID00002", "vm0", 3590.0, 3620.0));
        assertThat(WorkflowVerifier.verify(instance, new WorkflowSolution("offline", null, solution.vms(), moved)))
                .extracting(Object::toString)
                .containsExactly("L $.assignments[2].finishSeconds: 3620.0 > lease end 3600.0 of vm0 (billedHours 1)");
        moved.set(2, new WorkflowSolution.Assignment("w0", "ID00002", "vm0", 40.0, 70.0));
        assertThat(WorkflowVerifier.verify(instance, new WorkflowSolution("gates", "bestfit", solution.vms(), moved)))
                .extracting(Object::toString)
                .containsExactly("S8 $.assignments[2]: found start 40.0 on vm0, the simulator gives 30.0 on vm0");
        assertThat(WorkflowVerifier.verify(instance, new WorkflowSolution("offline", null, solution.vms(), moved)))
                .isEmpty();
    }

    /** The cost floor of §12: 0.048 $/vCPU-hour × (30 + 60 + 90) s × 16 vCPU / 3600 = $0.0384. */
    @Test
    void costFloor() {
        assertThat(WorkflowEvaluator.costFloor(toy())).isCloseTo(0.0384, org.assertj.core.api.Assertions.within(1e-12));
        for (String policy : WorkflowPolicies.NAMES) {
            assertThat(new WorkflowSimulator(toy()).run(WorkflowPolicies.create(policy)).totalCost())
                    .isGreaterThanOrEqualTo(WorkflowEvaluator.costFloor(toy()));
        }
    }
}
