package io.cloudopt.solvers.rescheduling.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;

/**
 * One movable VM (problems/rescheduling.md §8): its fixed data, its origin and the planning variable
 * {@code location}, chosen from its own value range (the {@link PmNuma}s of ACTIVE PMs for a
 * single-NUMA VM, the {@link Pm}s for a double-NUMA VM, so a share can never be split).
 */
@PlanningEntity
class VmMove {
    @PlanningId
    private Integer index;
    private int cpuShare;
    private long memoryShare;
    private boolean flipCounts;
    private Location origin;
    private List<Location> locationRange;
    private List<AffinityGroup> groups;

    @PlanningVariable(valueRangeProviderRefs = "locationRange")
    private Location location;

    VmMove() {
    }

    /**
     * @param index      the VM's index in the instance
     * @param flipCounts whether a same-PM NUMA change counts as a migration
     */
    VmMove(int index, int cpuShare, long memoryShare, boolean flipCounts, Location origin,
           List<Location> locationRange, List<AffinityGroup> groups) {
        this.index = index;
        this.cpuShare = cpuShare;
        this.memoryShare = memoryShare;
        this.flipCounts = flipCounts;
        this.origin = origin;
        this.locationRange = locationRange;
        this.groups = List.copyOf(groups);
        this.location = origin;
    }

    int index() {
        return index;
    }

    /** c_v, taken on each NUMA node of the location. */
    int cpuShare() {
        return cpuShare;
    }

    /** m_v, taken on each NUMA node of the location. */
    long memoryShare() {
        return memoryShare;
    }

    Location origin() {
        return origin;
    }

    List<AffinityGroup> groups() {
        return groups;
    }

    @ValueRangeProvider(id = "locationRange")
    List<Location> getLocationRange() {
        return locationRange;
    }

    Location getLocation() {
        return location;
    }

    void setLocation(Location location) {
        this.location = location;
    }

    /** The NUMA nodes the current location takes the shares on. */
    List<PmNuma> numas() {
        return location.numas();
    }

    /** Away from its origin and counted: a same-PM NUMA change is free unless flips count (§5.4). */
    boolean isCountedMove() {
        return location != origin && (flipCounts || location.pm() != origin.pm());
    }

    @Override
    public String toString() {
        return "vm" + index + "@" + location;
    }
}
