package io.cloudopt.solvers.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowSimulator;
import io.cloudopt.model.workflow.WorkflowToyTest;
import io.cloudopt.solvers.common.SolveOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The combinatorial lower bound: never above the brute-force optimum of the tiny instances, never
 * above any policy on the 30-workflow GATES test instances of size S, and above the cost floor where
 * on-time workflows need fast VMs at the same moments (γ = 1).
 */
class WorkflowLowerBoundTest {
    static LongStream seeds() {
        return LongStream.range(1, 31);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverAboveTheTinyOptimum(long seed) {
        WorkflowInstance instance = WorkflowTinyInstances.random(seed);
        double optimum = WorkflowEvaluator.objective(instance, WorkflowBruteForce.solve(instance));
        WorkflowLowerBound.Breakdown bound = WorkflowLowerBound.compute(instance);
        assertThat(bound.boundUsd()).as("seed %d: %s", seed, bound).isLessThanOrEqualTo(optimum + 1e-9)
                .isGreaterThanOrEqualTo(WorkflowEvaluator.costFloor(instance));
    }

    @Test
    void toyBoundIsBelowTheOptimum() {
        WorkflowLowerBound.Breakdown bound = WorkflowLowerBound.compute(WorkflowToyTest.toy());
        assertThat(bound.boundUsd()).isLessThanOrEqualTo(1.5617777778).isGreaterThanOrEqualTo(0.0384 - 1e-12);
    }

    static Stream<Arguments> gatesInstances() {
        List<Arguments> cases = new ArrayList<>();
        for (int index : new int[] {0, 1, 2, 7}) {
            for (double gamma : new double[] {1.0, 1.5, 2.25}) {
                cases.add(Arguments.of(index, gamma));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "S instance {0} gamma {1}")
    @MethodSource("gatesInstances")
    void noPolicyBelowTheBound(int index, double gamma) {
        WorkflowInstance instance = WorkflowDaxInstances.sizeS(index, gamma);
        var report = new WorkflowLowerBound().solve(instance, SolveOptions.withTimeLimit(Duration.ofSeconds(10)));
        assertThat(report.status()).isEqualTo(SolveStatus.UNKNOWN);
        assertThat(report.solution()).isNull();
        double bound = report.bound();
        double floor = WorkflowEvaluator.costFloor(instance);
        assertThat(bound).isGreaterThanOrEqualTo(floor);
        if (gamma == 1.0) {
            assertThat(bound).as("stronger than the floor at gamma 1: %s", report.stats()).isGreaterThan(floor + 0.5);
        }
        for (String policy : WorkflowPolicies.NAMES) {
            double total = new WorkflowSimulator(instance).run(WorkflowPolicies.create(policy)).totalCost();
            assertThat(total).as("%s on S-%d gamma %s", policy, index, gamma).isGreaterThanOrEqualTo(bound - 1e-9);
        }
    }

    /** The rollout expert (a prolis roll-out per candidate, about half a minute per instance). */
    @Tag("slow")
    @ParameterizedTest(name = "gamma {0}")
    @ValueSource(doubles = {1.0, 1.5, 2.25})
    void rolloutNotBelowTheBound(double gamma) {
        WorkflowInstance instance = WorkflowDaxInstances.sizeS(0, gamma);
        double bound = WorkflowLowerBound.compute(instance).boundUsd();
        double total = new WorkflowSimulator(instance).run(WorkflowPolicies.create("rollout")).totalCost();
        assertThat(total).isGreaterThanOrEqualTo(bound - 1e-9);
    }
}
