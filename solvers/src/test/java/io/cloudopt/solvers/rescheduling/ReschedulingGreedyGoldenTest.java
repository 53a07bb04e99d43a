package io.cloudopt.solvers.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudopt.instances.rescheduling.Vmr2lConverter;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.model.testing.SharedData;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The golden greedy numbers of problems/rescheduling.md §12 on the converted VMR2L snapshots. */
class ReschedulingGreedyGoldenTest {
    private static ReschedulingInstance reset;
    private static ReschedulingInstance stream;

    @BeforeAll
    static void convert() {
        reset = Vmr2lConverter.convert(SharedData.file("rescheduling/reset_vm_pm0.json"),
                Vmr2lConverter.Options.DEFAULT).instance();
        stream = Vmr2lConverter.convert(SharedData.file("rescheduling/json_stream_c1_2022-03-28+32c.json"),
                Vmr2lConverter.Options.DEFAULT).instance();
    }

    @Test
    void convertedSnapshotShape() {
        assertThat(reset.pms()).hasSize(280);
        assertThat(reset.vms()).hasSize(2089);
        assertThat(reset.vms().stream().filter(vm -> vm.isDouble()).count()).isEqualTo(290);
        ReschedulingState state = ReschedulingState.initial(reset);
        assertThat(state.freeCores()).isEqualTo(1394);
        assertThat(state.totalFragments()).isEqualTo(834);
        assertThat(state.freeSlots()).isEqualTo(35);
        assertThat(state.fragmentRate()).isEqualTo(834.0 / 1394);
        assertThat(stream.antiAffinityGroups()).hasSize(576);
        assertThat(ReschedulingState.initial(stream).fragmentRate()).isEqualTo(1362.0 / 1394);
    }

    @ParameterizedTest(name = "k={0}")
    @CsvSource({"5,754", "10,674", "15,594", "19,530", "20,530", "50,530"})
    void bothGreediesOnTheResetSnapshot(int k, long fragments) {
        for (ReschedulingGreedy.Variant variant : ReschedulingGreedy.Variant.values()) {
            ReschedulingInstance instance = reset.withMaxMigrations(k);
            VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                    new ReschedulingGreedy(variant), instance, SolveOptions.DEFAULT);
            assertThat(solve.violations()).as(variant.name()).isEmpty();
            assertThat(solve.report().objective()).as(variant.name()).isEqualTo((double) fragments / 1394);
            assertThat(solve.report().solution().plan()).hasSize(Math.min(k, 19));
        }
    }

    @Test
    void firstStepOfTheGreedy() {
        ReschedulingState state = ReschedulingState.initial(reset.withMaxMigrations(1));
        List<ReschedulingSolution.Step> plan = new ArrayList<>();
        List<ReschedulingGreedy.Move> moves = new ArrayList<>();
        new ReschedulingGreedy(ReschedulingGreedy.Variant.CORRECTED).run(state, 1, plan, moves);
        assertThat(plan).containsExactly(new ReschedulingSolution.Step(0, "i-2uda75mvbf56g29sxnu4",
                "host-3tmshksppm4e8i4tqice", List.of(1), "host-3tef86p1d64e8i4r0a8x", List.of(0)));
        assertThat(moves.get(0).decrease()).isEqualTo(14);
        assertThat(moves.get(0).increase()).isEqualTo(2);
        assertThat(moves.get(0).vm()).isEqualTo(667);
    }

    @ParameterizedTest(name = "k={0}")
    @CsvSource({"5,0.908178", "10,0.850789", "20,0.804878", "50,0.804878"})
    void correctedGreedyOnTheStreamSnapshot(int k, double rate) {
        VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                new ReschedulingGreedy(ReschedulingGreedy.Variant.CORRECTED), stream.withMaxMigrations(k),
                SolveOptions.DEFAULT);
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().objective()).isCloseTo(rate, org.assertj.core.api.Assertions.within(5e-7));
        if (k >= 20) {
            assertThat(solve.report().solution().plan()).hasSize(14);
        }
    }

    @Test
    void originalGreedyRefusesPinnedVms() {
        assertThatThrownBy(() -> new ReschedulingGreedy(ReschedulingGreedy.Variant.VMR2L).solve(stream,
                SolveOptions.DEFAULT)).isInstanceOf(InputException.class)
                .hasMessage("greedy-vmr2l: the VMR2L code cannot load pinned VMs");
    }
}
