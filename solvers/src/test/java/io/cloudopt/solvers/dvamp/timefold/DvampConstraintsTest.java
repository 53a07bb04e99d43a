package io.cloudopt.solvers.dvamp.timefold;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per constraint: a violating, a conflicting and a harmless VM. */
class DvampConstraintsTest {
    private static final List<Integer> NODES = List.of(0, 1);
    private static final List<Integer> PMS = List.of(0);
    private final ConstraintVerifier<DvampConstraints, DvampPlan> verifier =
            ConstraintVerifier.build(new DvampConstraints(), DvampPlan.class, VmPlacement.class);

    private static VmPlacement vm(int index, long arrivalSeconds, Integer slot, Long startSeconds) {
        VmPlacement placement = new VmPlacement(index, false, arrivalSeconds, 100, NODES, slot);
        placement.setStartSeconds(startSeconds);
        return placement;
    }

    @Test
    void vmNotPlacedPenalizesEachVmTheDecoderLeftOut() {
        VmPlacement leftOut = vm(0, 10, 0, null);
        VmPlacement placed = vm(1, 10, 1, 40L);
        VmPlacement doubleLeftOut = new VmPlacement(2, true, 20, 100, PMS, 0);
        verifier.verifyThat(DvampConstraints::vmNotPlaced).given(leftOut, placed, doubleLeftOut).penalizesBy(2);
        verifier.verifyThat(DvampConstraints::vmNotPlaced).given(placed).penalizesBy(0);
    }

    /** Waits 30 + 0 + 5 = 35; a VM without a start is the hard constraint's, not counted here. */
    @Test
    void waitSecondsPenalizesTheTotalWait() {
        VmPlacement waiting = vm(0, 10, 0, 40L);
        VmPlacement onTime = vm(1, 40, 1, 40L);
        VmPlacement late = vm(2, 45, 0, 50L);
        VmPlacement leftOut = vm(3, 50, 1, null);
        verifier.verifyThat(DvampConstraints::waitSeconds).given(waiting, onTime, late, leftOut).penalizesBy(35);
        verifier.verifyThat(DvampConstraints::waitSeconds).given(onTime).penalizesBy(0);
    }
}
