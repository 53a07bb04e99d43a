package io.cloudopt.solvers.rescheduling.timefold;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.cloudopt.instances.rescheduling.Vmr2lConverter;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.rescheduling.PmStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingPm;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.model.rescheduling.ReschedulingVm;
import io.cloudopt.model.testing.SharedData;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import io.cloudopt.solvers.rescheduling.ReschedulingSolvers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Timefold solver: verified plans, Timefold's own score checks, reproducible runs. */
class ReschedulingTimefoldTest {
    private static final SolveOptions TEN_SECONDS = SolveOptions.withTimeLimit(Duration.ofSeconds(10));
    private static ReschedulingInstance slice;

    @BeforeAll
    static void convert() {
        slice = Vmr2lConverter.convert(SharedData.file("rescheduling/reset_vm_pm0.json"),
                new Vmr2lConverter.Options(5, 16, 20, false, true)).instance();
    }

    /** The tests' stand-in for the sequencer of §7: apply the moves in VM order, skip what does not fit. */
    private static ReschedulingTimefold timefold(EnvironmentMode mode, long steps) {
        return new ReschedulingTimefold(ReschedulingTimefoldTest::inVmOrder, mode, steps);
    }

    private static List<ReschedulingSolution.Step> inVmOrder(ReschedulingInstance instance, ReschedulingState target) {
        ReschedulingState state = ReschedulingState.initial(instance);
        List<ReschedulingSolution.Step> plan = new java.util.ArrayList<>();
        for (int v = 0; v < state.vmCount() && plan.size() < instance.maxMigrations(); v++) {
            if ((target.host(v) != state.host(v) || target.numaMask(v) != state.numaMask(v))
                    && state.fits(v, target.host(v), target.numaMask(v), true) && state.groupsAllow(v, target.host(v))) {
                plan.add(new ReschedulingSolution.Step(plan.size(), state.vmId(v), state.pmId(state.host(v)),
                        ReschedulingState.numas(state.numaMask(v)), state.pmId(target.host(v)),
                        ReschedulingState.numas(target.numaMask(v))));
                state.move(v, target.host(v), target.numaMask(v));
            }
        }
        return plan;
    }

    /**
     * Two PMs of 2 × 32 cores, G = 16: x (4 cores) on pm0 numa 0 leaves 28 (12 fragment cores), y
     * (28 cores) on pm1 numa 0 leaves 4 (4). F = 96 + 32 = 128 is a multiple of 16, so FR 0 is the
     * optimum, reached by one move (x → pm1 numa 0, or y → pm0 numa 0; k = 1).
     */
    static ReschedulingInstance twoPms() {
        List<ReschedulingPm.NumaCapacity> numas = List.of(new ReschedulingPm.NumaCapacity(32, 1000),
                new ReschedulingPm.NumaCapacity(32, 1000));
        return new ReschedulingInstance("two-pms", "", Source.NONE, 16, 1, true,
                List.of(new ReschedulingPm("pm0", PmStatus.ACTIVE, "r0", numas),
                        new ReschedulingPm("pm1", PmStatus.ACTIVE, "r0", numas)),
                List.of(new ReschedulingVm("x", "t", "pm0", List.of(new ReschedulingVm.Share(0, 4, 10)), true),
                        new ReschedulingVm("y", "t", "pm1", List.of(new ReschedulingVm.Share(0, 28, 10)), true)),
                List.of());
    }

    @Test
    void tinyInstanceReachesItsOptimum() {
        VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                timefold(EnvironmentMode.FULL_ASSERT, 50), twoPms(), TEN_SECONDS);
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().objective()).isZero();
        assertThat(solve.report().bound()).isNull();
        assertThat(solve.report().solution().plan()).hasSize(1);
    }

    /** Timefold recomputes the score from scratch after every move and compares (incremental score is right). */
    @Test
    void fullAssertOnTwentyPmsOfTheResetSnapshot() {
        VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                timefold(EnvironmentMode.FULL_ASSERT, 60), slice, TEN_SECONDS);
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().stats()).doesNotContainKey("objectiveMismatch");
        assertThat(solve.report().solution().plan().size()).isLessThanOrEqualTo(slice.maxMigrations());
    }

    @Test
    void sameSeedSameSteps() {
        ReschedulingSolution first = timefold(EnvironmentMode.NO_ASSERT, 500).solve(slice, TEN_SECONDS).solution();
        ReschedulingSolution second = timefold(EnvironmentMode.NO_ASSERT, 500).solve(slice, TEN_SECONDS).solution();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void catalogEntryIsVerified() {
        VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                ReschedulingSolvers.CATALOG.create("timefold"), twoPms(), SolveOptions.withTimeLimit(Duration.ofSeconds(1)));
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().solution()).isNotNull();
    }

    /** The whole snapshot at k = 50 within 20 s: a verified plan (its quality is not asserted). */
    @Test
    @Tag("slow")
    void resetSnapshotAtK50() {
        ReschedulingInstance reset = Vmr2lConverter.convert(SharedData.file("rescheduling/reset_vm_pm0.json"),
                Vmr2lConverter.Options.DEFAULT).instance();
        VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                ReschedulingSolvers.CATALOG.create("timefold"), reset, SolveOptions.withTimeLimit(Duration.ofSeconds(20)));
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().wallSeconds()).isLessThan(20 * 1.1 + 1);
    }
}
