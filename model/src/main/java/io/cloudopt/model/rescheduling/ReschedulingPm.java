package io.cloudopt.model.rescheduling;

import java.util.List;

/** A host with exactly two NUMA nodes (index = position in {@code numas}). */
public record ReschedulingPm(String id, PmStatus status, String rackId, List<NumaCapacity> numas) {
    public ReschedulingPm {
        numas = List.copyOf(numas);
    }

    /** Capacity of one NUMA node. */
    public record NumaCapacity(int cpuCores, long memoryMiB) {
    }
}
