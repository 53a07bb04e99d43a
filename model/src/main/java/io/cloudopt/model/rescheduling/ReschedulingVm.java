package io.cloudopt.model.rescheduling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A running VM: one share on one NUMA node (single-NUMA) or two equal shares on NUMA 0 and 1 of its
 * host (double-NUMA).
 */
public record ReschedulingVm(String id, String type, String host, List<Share> numas, boolean allowMigration) {
    public ReschedulingVm {
        numas = List.copyOf(numas);
    }

    /** The per-NUMA share c_v, m_v on NUMA {@code numa}. */
    public record Share(int numa, int cpuCores, long memoryMiB) {
    }

    @JsonIgnore
    public boolean isDouble() {
        return numas.size() == 2;
    }

    /** Per-NUMA cpu share c_v. */
    @JsonIgnore
    public int cpuShare() {
        return numas.get(0).cpuCores();
    }

    /** Per-NUMA memory share m_v. */
    @JsonIgnore
    public long memoryShare() {
        return numas.get(0).memoryMiB();
    }

    /** Sum of the shares (a double-NUMA VM's total cpu is 2·c_v). */
    @JsonIgnore
    public int totalCpuCores() {
        return numas.size() * cpuShare();
    }
}
