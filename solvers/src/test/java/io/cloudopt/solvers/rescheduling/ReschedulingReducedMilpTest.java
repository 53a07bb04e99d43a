package io.cloudopt.solvers.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.instances.rescheduling.Vmr2lConverter;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.model.testing.SharedData;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code milp-agg-reduced}: its plans verify, it never claims optimality or a bound, and its reduced
 * model keeps the greedy's mapping feasible (so it never ends worse than the greedy it starts from).
 */
class ReschedulingReducedMilpTest {
    private static final SolveOptions OPTIONS = SolveOptions.withTimeLimit(Duration.ofSeconds(20));

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void plansVerifyOnTinyInstances(long seed) {
        ReschedulingInstance instance = TinyReschedulingInstances.random(seed);
        VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                new ReschedulingReducedMilp(), instance, OPTIONS);
        assertThat(solve.violations()).as("seed " + seed).isEmpty();
        assertThat(solve.report().status()).as("seed " + seed).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(solve.report().bound()).as("seed " + seed).isNull();
        ReschedulingState greedy = ReschedulingGreedy.finalState(instance);
        assertThat(solve.report().objective()).as("seed " + seed).isLessThanOrEqualTo(greedy.fragmentRate());
    }

    @Test
    void theGreedyMappingLiesInTheReducedModel() {
        ReschedulingInstance reset = Vmr2lConverter.convert(SharedData.file("rescheduling/reset_vm_pm0.json"),
                Vmr2lConverter.Options.DEFAULT).instance().withMaxMigrations(19);
        ReschedulingState greedy = ReschedulingGreedy.finalState(reset);
        AggregatedModel model = ReschedulingReducedMilp.reduced(reset, greedy);
        // the greedy's 19 moves each gain one slot (834 → 530 fragment cores), all inside the scope
        assertThat(model.slots(greedy) - model.slots(ReschedulingState.initial(reset))).isEqualTo(19);
    }

    @Test
    void theNarrowModelIsSmallerAndKeepsTheGreedyMapping() {
        ReschedulingInstance reset = Vmr2lConverter.convert(SharedData.file("rescheduling/reset_vm_pm0.json"),
                Vmr2lConverter.Options.DEFAULT).instance().withMaxMigrations(19);
        ReschedulingState greedy = ReschedulingGreedy.finalState(reset);
        AggregatedModel wide = ReschedulingReducedMilp.reduced(reset, greedy);
        AggregatedModel narrow = ReschedulingReducedMilp.reduced(reset, greedy);
        narrow.restrictTargets(ReschedulingReducedMilp.narrowTargets(reset, greedy));
        MpSink wideSink = ReschedulingAggMilp.build(wide);
        MpSink narrowSink = ReschedulingAggMilp.build(narrow);
        assertThat(narrowSink.variableCount()).isLessThan(wideSink.variableCount());
        // every NUMA the greedy moves a VM to stays a target, so its mapping is a point of the narrow model
        var allowed = ReschedulingReducedMilp.narrowTargets(reset, greedy);
        ReschedulingState initial = ReschedulingState.initial(reset);
        for (int v = 0; v < initial.vmCount(); v++) {
            if (greedy.host(v) != initial.host(v) || greedy.numaMask(v) != initial.numaMask(v)) {
                int numa = greedy.numaMask(v) == 2 ? 1 : 0;
                assertThat(allowed.test(greedy.host(v), numa)).as("vm " + v).isTrue();
            }
        }
        MpSolverSupport.release(wideSink.solver());
        MpSolverSupport.release(narrowSink.solver());
    }

    @Test
    void planVerifiesOnTheResetSnapshotAtSmallK() {
        ReschedulingInstance reset = Vmr2lConverter.convert(SharedData.file("rescheduling/reset_vm_pm0.json"),
                Vmr2lConverter.Options.DEFAULT).instance().withMaxMigrations(5);
        VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                new ReschedulingReducedMilp(), reset, SolveOptions.withTimeLimit(Duration.ofSeconds(5)));
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().solution().plan()).hasSizeLessThanOrEqualTo(5);
        assertThat(solve.report().objective()).isLessThanOrEqualTo(754.0 / 1394);
    }
}
