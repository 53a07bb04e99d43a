package io.cloudopt.model.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.Source;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoder of problems/dvamp.md §5 on the worked example and on hand-made windows. */
class DvampDecoderTest {
    @ParameterizedTest
    @ValueSource(strings = {"ff", "bf", "balance", "wf"})
    void decodingAnOnlineRunGivesItsStartTimes(String policy) {
        DvampInstance instance = DvampExampleTest.example();
        DvampRun run = DvampSimulator.run(instance, DvampPolicies.create(policy, 1), 0, DvampObserver.NONE);
        DvampWorkload workload = DvampWorkload.of(instance);
        int[] slots = DvampDecoder.slotsOf(workload, DvampProblem.fromRun(instance, run, policy).placements());
        assertThat(DvampDecoder.decode(workload, slots)).containsExactly(run.startSeconds());
    }

    /**
     * One PM, cpu in half-units (80 per node). v0 double takes 48 on both nodes until 100; v1 (32)
     * on node 0, v2 (32) on node 1 until 220. v3 (16) on node 1 instead of node 0: node 1 holds 80
     * until v0 ends, so st = 100 (ends 110). v4 (double, 64 per node) needs node 1 at most 16: not
     * at 110 (v2's 32 remain), at 220. v5 (2) on node 0 beside v4 at the FIFO floor 220.
     */
    @Test
    void decodingOtherSlotsFollowsTheRule() {
        DvampInstance instance = DvampExampleTest.example();
        DvampWorkload workload = DvampWorkload.of(instance);
        long[] starts = DvampDecoder.decode(workload, new int[] {0, 0, 1, 1, 0, 0});
        assertThat(starts).containsExactly(0, 10, 20, 100, 220, 220);
    }

    @Test
    void incrementalDecodeEqualsAFullDecode() {
        DvampInstance instance = DvampExampleTest.example();
        DvampWorkload workload = DvampWorkload.of(instance);
        DvampDecoder decoder = new DvampDecoder(workload);
        int[] slots = {0, 0, 1, 0, 0, 0};
        for (int j = 0; j < slots.length; j++) {
            decoder.setSlot(j, slots[j]);
        }
        assertThat(decoder.decode()).isZero();
        decoder.setSlot(3, 1);
        assertThat(decoder.decode()).isEqualTo(3);
        long[] full = DvampDecoder.decode(workload, new int[] {0, 0, 1, 1, 0, 0});
        for (int j = 0; j < slots.length; j++) {
            assertThat(decoder.startSeconds(j)).isEqualTo(full[j]);
        }
        assertThat(decoder.decode()).isEqualTo(6);
        assertThat(decoder.totalWaitSeconds()).isEqualTo(0 + 0 + 0 + 70 + 180 + 170);
    }

    @Test
    void aVmWithoutSlotIsLeftOutAndTakesNoCapacity() {
        DvampInstance instance = DvampExampleTest.example();
        DvampWorkload workload = DvampWorkload.of(instance);
        long[] starts = DvampDecoder.decode(workload, new int[] {DvampDecoder.NO_SLOT, 0, 1, 0, 7, 0});
        // Without v0, v3 fits node 0 beside v1 at 30; v4 (slot 7 > PM count) is left out.
        assertThat(starts).containsExactly(DvampDecoder.NOT_PLACED, 10, 20, 30, DvampDecoder.NOT_PLACED, 50);
    }

    /**
     * A window in a running cluster: clock 100, an initial single VM holds 30 of 40 cores on node 0
     * until 150, an initial double VM 10 cores per node on PM 0 until 400. w0 (20 cores, node 0,
     * arrived at 40) cannot start before 150; w1 (node 1, 20 cores) starts with the FIFO floor 150.
     */
    @Test
    void initialVmsAndTheClockDelayStarts() {
        DvampInstance instance = window(List.of(new DvampInitialVm("i0", 30, 8, 0, 0, 150),
                new DvampInitialVm("i1", 20, 20, 0, null, 400)));
        DvampWorkload workload = DvampWorkload.of(instance);
        assertThat(DvampDecoder.decode(workload, new int[] {0, 1})).containsExactly(150, 150);
        DvampRun run = DvampSimulator.run(instance, new DvampFirstFitPolicy(), 0, DvampObserver.NONE);
        int[] slots = DvampDecoder.slotsOf(workload, DvampProblem.fromRun(instance, run, "ff").placements());
        assertThat(DvampDecoder.decode(workload, slots)).containsExactly(run.startSeconds());
    }

    private static DvampInstance window(List<DvampInitialVm> initialVms) {
        List<DvampVm> vms = List.of(new DvampVm("w0", 20, 8, 40, 100), new DvampVm("w1", 20, 8, 120, 100));
        return new DvampInstance("window", "", Source.NONE, DvampSemantics.SPANE, 1, 40, 90, 10, true,
                DvampEpisode.placements(2), null, 100L, initialVms, vms);
    }
}
