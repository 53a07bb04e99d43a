package io.cloudopt.solvers.rescheduling.timefold;

import java.util.List;

/**
 * A value of {@link VmMove#getLocation()}: one NUMA node of an ACTIVE PM ({@link PmNuma}, for a
 * single-NUMA VM) or both NUMA nodes of one ({@link Pm}, for a double-NUMA VM). Immutable.
 */
abstract sealed class Location permits PmNuma, Pm {
    private final int pm;
    private final int rack;

    Location(int pm, int rack) {
        this.pm = pm;
        this.rack = rack;
    }

    /** The PM's index in the instance. */
    int pm() {
        return pm;
    }

    /** The PM's rack index (racks numbered in order of first appearance). */
    int rack() {
        return rack;
    }

    /** The NUMA set as a mask: 1 = NUMA 0, 2 = NUMA 1, 3 = both. */
    abstract int mask();

    /** The NUMA nodes a VM here takes its share on. */
    abstract List<PmNuma> numas();
}
