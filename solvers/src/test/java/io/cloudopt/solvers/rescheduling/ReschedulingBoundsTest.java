package io.cloudopt.solvers.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.instances.rescheduling.Vmr2lConverter;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.model.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The combinatorial bounds of problems/rescheduling.md §9 and their §12 values on reset_vm_pm0. */
class ReschedulingBoundsTest {
    private static ReschedulingInstance reset;

    @BeforeAll
    static void convert() {
        reset = Vmr2lConverter.convert(SharedData.file("rescheduling/reset_vm_pm0.json"),
                Vmr2lConverter.Options.DEFAULT).instance();
    }

    @ParameterizedTest(name = "k={0}")
    @CsvSource({"5,594", "10,434", "20,242", "30,130", "50,2"})
    void touchBoundOnTheResetSnapshot(int k, long fragments) {
        assertThat(ReschedulingBounds.touch(ReschedulingState.initial(reset), k)).isEqualTo(fragments);
    }

    @Test
    void congruenceIsFModG() {
        // F = 1394 = 87·16 + 2
        assertThat(ReschedulingBounds.congruence(ReschedulingState.initial(reset))).isEqualTo(2);
    }

    @Test
    void netGainBoundAtK5() {
        // movable double-NUMA VMs with shares not a multiple of 16 exist: 834 − 2·16·5 = 674 (≡ 2 mod 16)
        ReschedulingState state = ReschedulingState.initial(reset);
        assertThat(ReschedulingBounds.netGain(state, 5)).isEqualTo(674);
        assertThat(ReschedulingBounds.fragments(state, 5)).isEqualTo(674);
    }

    @Test
    void flipsFreeTouchBoundUsesPerPmTerms() {
        ReschedulingInstance flipsFree = new ReschedulingInstance(reset.name(), reset.description(), reset.source(),
                reset.fragmentCpuCores(), 5, false, reset.pms(), reset.vms(), reset.antiAffinityGroups());
        ReschedulingState state = ReschedulingState.initial(flipsFree);
        long perPm = 0;
        for (int p = 0; p < state.pmCount(); p++) {
            if (state.isActive(p)) {
                perPm += (state.freeCpu(p, 0) + state.freeCpu(p, 1)) % 16;
            }
        }
        assertThat(ReschedulingBounds.touch(state, 0)).isEqualTo(perPm);
        assertThat(ReschedulingBounds.touch(state, 5)).isLessThanOrEqualTo(perPm);
        assertThat(ReschedulingBounds.netGain(state, 5)).isEqualTo(2);
    }
}
