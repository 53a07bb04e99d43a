package io.cloudopt.solvers.rescheduling.timefold;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per constraint with a violating, a conflicting and a harmless VM. Two PMs in racks 0
 * and 1, NUMA nodes of 44 cores and 100 MiB, G = 16; pm0 numa 0 holds 10 pinned cores and 30 pinned
 * MiB.
 */
class ReschedulingConstraintsTest {
    private static final int G = 16;
    private final ConstraintVerifier<ReschedulingConstraints, ReschedulingPlan> verifier =
            ConstraintVerifier.build(new ReschedulingConstraints(), ReschedulingPlan.class, VmMove.class);

    private final PmNuma a = new PmNuma(0, 0, 0, 44, 100, 10, 30, G);
    private final PmNuma b = new PmNuma(0, 0, 1, 44, 100, 0, 0, G);
    private final PmNuma c = new PmNuma(1, 1, 0, 44, 100, 0, 0, G);
    private final PmNuma d = new PmNuma(1, 1, 1, 44, 100, 0, 0, G);
    private final Pm pm0 = new Pm(a, b);
    private final Pm pm1 = new Pm(c, d);
    private final List<Location> numaRange = List.of(a, b, c, d);
    private final List<Location> pmRange = List.of(pm0, pm1);

    private VmMove single(int index, int cpu, long memory, Location origin, Location location,
                          List<AffinityGroup> groups) {
        VmMove vm = new VmMove(index, cpu, memory, true, origin, numaRange, groups);
        vm.setLocation(location);
        return vm;
    }

    private VmMove single(int index, int cpu, Location origin, Location location) {
        return single(index, cpu, 0, origin, location, List.of());
    }

    /** On a: pinned 10 + 20 + 20 + 8 (the double VM) = 58 > 44 by 14; b: 8 fits; c: 4 fits. */
    @Test
    void cpuOverloadPenalizesTheExcessPerNode() {
        VmMove first = single(0, 20, a, a);
        VmMove second = single(1, 20, c, a);
        VmMove twin = new VmMove(2, 8, 0, true, pm0, pmRange, List.of());
        VmMove harmless = single(3, 4, c, c);
        verifier.verifyThat(ReschedulingConstraints::cpuOverload).given(first, second, twin, harmless).penalizesBy(14);
        verifier.verifyThat(ReschedulingConstraints::cpuOverload).given(first, harmless).penalizesBy(0);
    }

    /** On a: pinned 30 + 50 + 40 = 120 > 100 by 20; c: 90 fits. */
    @Test
    void memoryOverloadPenalizesTheExcessPerNode() {
        VmMove first = single(0, 1, 50, a, a, List.of());
        VmMove second = single(1, 1, 40, c, a, List.of());
        VmMove harmless = single(2, 1, 90, c, c, List.of());
        verifier.verifyThat(ReschedulingConstraints::memoryOverload).given(first, second, harmless).penalizesBy(20);
        verifier.verifyThat(ReschedulingConstraints::memoryOverload).given(first, harmless).penalizesBy(0);
    }

    /**
     * Free cores a 44 − 10 − 20 = 14 → 14, b 44 − 4 = 40 → 8, c 44 → 12 (no VM: counted through the
     * complement), d 44 − 12 = 32 → 0. Total 34.
     */
    @Test
    void fragmentsCountEveryActiveNode() {
        VmMove onA = single(0, 20, a, a);
        VmMove onB = single(1, 4, b, b);
        VmMove onD = single(2, 12, d, d);
        verifier.verifyThat(ReschedulingConstraints::fragments).given(a, b, c, d, onA, onB, onD).penalizesBy(34);
        // Only the facts: a 34 → 2, the others 44 → 12 each.
        verifier.verifyThat(ReschedulingConstraints::fragments).given(a, b, c, d).penalizesBy(38);
    }

    /**
     * HOST group with a pinned member on pm0: a movable member there is 1 too many; two on pm1 are 1
     * too many. RACK group: members in racks 0 and 1 are harmless.
     */
    @Test
    void antiAffinityPenalizesMembersBeyondTheFirst() {
        AffinityGroup host = new AffinityGroup(0, false, Map.of(0, 1));
        AffinityGroup rack = new AffinityGroup(1, true, Map.of());
        VmMove withPinned = single(0, 1, 0, b, b, List.of(host));
        VmMove firstOnPm1 = single(1, 1, 0, c, c, List.of(host, rack));
        VmMove secondOnPm1 = single(2, 1, 0, d, d, List.of(host));
        VmMove otherRack = single(3, 1, 0, a, a, List.of(rack));
        verifier.verifyThat(ReschedulingConstraints::antiAffinity)
                .given(withPinned, firstOnPm1, secondOnPm1, otherRack).penalizesBy(2);
        verifier.verifyThat(ReschedulingConstraints::antiAffinity).given(firstOnPm1, otherRack).penalizesBy(0);
    }

    /** Budget 1, three counted moves: 2 over; a VM at its origin is harmless. */
    @Test
    void migrationLimitPenalizesMovesBeyondK() {
        VmMove moved = single(0, 1, a, c);
        VmMove flipped = single(1, 1, a, b);
        VmMove twin = new VmMove(2, 2, 0, true, pm0, pmRange, List.of());
        twin.setLocation(pm1);
        VmMove home = single(3, 1, d, d);
        verifier.verifyThat(ReschedulingConstraints::migrationLimit)
                .given(new MigrationBudget(1), moved, flipped, twin, home).penalizesBy(2);
        verifier.verifyThat(ReschedulingConstraints::migrationLimit)
                .given(new MigrationBudget(1), moved, home).penalizesBy(0);
    }

    /** A flip counts by default and is free when the instance says so; a VM at home never counts. */
    @Test
    void countedMovesFollowTheFlipRule() {
        VmMove moved = single(0, 1, a, c);
        VmMove flipped = single(1, 1, a, b);
        VmMove freeFlip = new VmMove(2, 1, 0, false, a, numaRange, List.of());
        freeFlip.setLocation(b);
        VmMove home = single(3, 1, d, d);
        verifier.verifyThat(ReschedulingConstraints::countedMoves).given(moved, flipped, freeFlip, home)
                .penalizesBy(2);
    }
}
