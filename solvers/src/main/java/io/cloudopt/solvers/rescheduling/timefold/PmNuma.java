package io.cloudopt.solvers.rescheduling.timefold;

import java.util.List;

/**
 * NUMA node {@code numa} of an ACTIVE PM: a location for single-NUMA VMs and the problem fact the
 * capacity and fragment constraints group by. The pinned load is that of the VMs that cannot move.
 */
final class PmNuma extends Location {
    private final int numa;
    private final long capacityCpu;
    private final long capacityMemory;
    private final long pinnedCpu;
    private final long pinnedMemory;
    private final int fragmentCpuCores;

    PmNuma(int pm, int rack, int numa, long capacityCpu, long capacityMemory, long pinnedCpu, long pinnedMemory,
           int fragmentCpuCores) {
        super(pm, rack);
        this.numa = numa;
        this.capacityCpu = capacityCpu;
        this.capacityMemory = capacityMemory;
        this.pinnedCpu = pinnedCpu;
        this.pinnedMemory = pinnedMemory;
        this.fragmentCpuCores = fragmentCpuCores;
    }

    @Override
    int mask() {
        return 1 << numa;
    }

    @Override
    List<PmNuma> numas() {
        return List.of(this);
    }

    /** Cores by which a movable load of {@code cpu} overloads this node (0 when it fits). */
    long cpuExcess(long cpu) {
        return Math.max(0, pinnedCpu + cpu - capacityCpu);
    }

    /** MiB by which a movable load of {@code memory} overloads this node (0 when it fits). */
    long memoryExcess(long memory) {
        return Math.max(0, pinnedMemory + memory - capacityMemory);
    }

    /** f mod G with a movable load of {@code cpu}, f = C − pinned − load. */
    long fragments(long cpu) {
        return Math.floorMod(capacityCpu - pinnedCpu - cpu, (long) fragmentCpuCores);
    }

    @Override
    public String toString() {
        return "pm" + pm() + "/numa" + numa;
    }
}
