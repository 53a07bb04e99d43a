package io.cloudopt.model.dvamp;

import java.util.List;

/**
 * The numbers the simulator and the policies read in their hot loops, on primitive arrays built
 * once: a slice {@code [offset, offset + length)} of columns shared by every episode cut from the
 * same trace, plus the VMs already running at the window start. Demands are in half-units
 * (problems/dvamp.md §2): a single VM needs {@code 2r} on one node, a double VM {@code r} on both.
 */
public final class DvampWorkload {
    final int pmCount;
    final int cpuCapacityHalf;
    final int memoryCapacityHalf;
    final int doubleThresholdGiB;
    final int[] cpuCores;
    final int[] memoryGiB;
    final long[] arrivalSeconds;
    final long[] lifetimeSeconds;
    final int offset;
    final int length;
    final String[] ids;
    final List<DvampInitialVm> initialVms;
    final long clockSeconds;

    DvampWorkload(int pmCount, int cpuCoresPerNuma, int memoryGiBPerNuma, int doubleThresholdGiB, int[] cpuCores,
                  int[] memoryGiB, long[] arrivalSeconds, long[] lifetimeSeconds, int offset, int length, String[] ids,
                  List<DvampInitialVm> initialVms, long clockSeconds) {
        this.pmCount = pmCount;
        this.cpuCapacityHalf = 2 * cpuCoresPerNuma;
        this.memoryCapacityHalf = 2 * memoryGiBPerNuma;
        this.doubleThresholdGiB = doubleThresholdGiB;
        this.cpuCores = cpuCores;
        this.memoryGiB = memoryGiB;
        this.arrivalSeconds = arrivalSeconds;
        this.lifetimeSeconds = lifetimeSeconds;
        this.offset = offset;
        this.length = length;
        this.ids = ids;
        this.initialVms = List.copyOf(initialVms);
        this.clockSeconds = clockSeconds;
    }

    /** The columns of an instance (its VMs, its running VMs and clock). */
    public static DvampWorkload of(DvampInstance instance) {
        int n = instance.vms().size();
        int[] cpu = new int[n];
        int[] mem = new int[n];
        long[] at = new long[n];
        long[] lt = new long[n];
        String[] ids = new String[n];
        for (int j = 0; j < n; j++) {
            DvampVm vm = instance.vms().get(j);
            cpu[j] = vm.cpuCores();
            mem[j] = vm.memoryGiB();
            at[j] = vm.arrivalSeconds();
            lt[j] = vm.lifetimeSeconds();
            ids[j] = vm.id();
        }
        return new DvampWorkload(instance.pmCount(), instance.cpuCoresPerNuma(), instance.memoryGiBPerNuma(),
                instance.doubleNumaThresholdGiB(), cpu, mem, at, lt, 0, n, ids, instance.initialVms(),
                instance.clockOrZero());
    }

    /** A slice of a trace, starting from an empty cluster. Ids are the row numbers. */
    public static DvampWorkload slice(DvampTrace trace, int startRow, int length, int pmCount, int cpuCoresPerNuma,
                                      int memoryGiBPerNuma, int doubleThresholdGiB) {
        return slice(trace, startRow, length, pmCount, cpuCoresPerNuma, memoryGiBPerNuma, doubleThresholdGiB,
                List.of(), 0L);
    }

    /** A slice of a trace that starts in a running cluster. */
    public static DvampWorkload slice(DvampTrace trace, int startRow, int length, int pmCount, int cpuCoresPerNuma,
                                      int memoryGiBPerNuma, int doubleThresholdGiB, List<DvampInitialVm> initialVms,
                                      long clockSeconds) {
        if (startRow < 0 || length < 0 || startRow + length > trace.rows()) {
            throw new IllegalArgumentException("Slice [" + startRow + ", " + (startRow + length)
                    + ") outside the trace's " + trace.rows() + " rows");
        }
        return new DvampWorkload(pmCount, cpuCoresPerNuma, memoryGiBPerNuma, doubleThresholdGiB, trace.cpuCores,
                trace.memoryGiB, trace.arrivalSeconds, trace.lifetimeSeconds, startRow, length, null, initialVms,
                clockSeconds);
    }

    public int pmCount() {
        return pmCount;
    }

    public int nodeCount() {
        return 2 * pmCount;
    }

    /** n, the number of VMs in the queue. */
    public int length() {
        return length;
    }

    public boolean isDouble(int j) {
        return memoryGiB[offset + j] > doubleThresholdGiB;
    }

    /** Half-units of CPU the VM takes on each node it uses. */
    public int cpuNeedHalf(int j) {
        int r = cpuCores[offset + j];
        return memoryGiB[offset + j] > doubleThresholdGiB ? r : 2 * r;
    }

    /** Half-units of memory the VM takes on each node it uses. */
    public int memoryNeedHalf(int j) {
        int r = memoryGiB[offset + j];
        return r > doubleThresholdGiB ? r : 2 * r;
    }

    public int cpuCores(int j) {
        return cpuCores[offset + j];
    }

    public int memoryGiB(int j) {
        return memoryGiB[offset + j];
    }

    public long arrivalSeconds(int j) {
        return arrivalSeconds[offset + j];
    }

    public long lifetimeSeconds(int j) {
        return lifetimeSeconds[offset + j];
    }

    /** The VM's id: its instance id, or its trace row number for a trace slice. */
    public String id(int j) {
        return ids == null ? Integer.toString(offset + j) : ids[j];
    }

    public int cpuCapacityHalf() {
        return cpuCapacityHalf;
    }

    /** θ: a VM is double iff its memoryGiB exceeds it. */
    public int doubleThresholdGiB() {
        return doubleThresholdGiB;
    }

    public int memoryCapacityHalf() {
        return memoryCapacityHalf;
    }

    public List<DvampInitialVm> initialVms() {
        return initialVms;
    }

    public long clockSeconds() {
        return clockSeconds;
    }
}
