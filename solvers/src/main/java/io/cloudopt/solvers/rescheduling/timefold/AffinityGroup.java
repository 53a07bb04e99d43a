package io.cloudopt.solvers.rescheduling.timefold;

import java.util.Map;

/**
 * An anti-affinity group with its pinned members' count per PM (HOST) or rack (RACK); the movable
 * members are the {@link VmMove}s that list it.
 */
record AffinityGroup(int index, boolean rackScope, Map<Integer, Integer> pinnedCount) {
    AffinityGroup {
        pinnedCount = Map.copyOf(pinnedCount);
    }

    /** The PM or rack index the group counts a location under. */
    int where(Location location) {
        return rackScope ? location.rack() : location.pm();
    }

    /** Members beyond the first at one PM or rack: movable members there plus pinned ones, minus 1. */
    long excess(int where, int movable) {
        return Math.max(0, movable + pinnedCount.getOrDefault(where, 0) - 1);
    }
}
