package io.cloudopt.model.dvamp;

import java.util.Arrays;
import java.util.List;

/**
 * The decoder of problems/dvamp.md §5: from a slot per VM (node 2i + k for a single VM, PM i for a
 * double VM), in order, st_j := the earliest τ ≥ max(at_j, st_{j−1}, clockSeconds) at which the
 * slot fits beside the earlier VMs and initial VMs still running at τ (candidates: that value,
 * then the later ends of earlier VMs on the slot's nodes). The schedule satisfies O1–O4 by
 * construction, and decoding the slots of an online run gives back its start times.
 *
 * <p>Incremental: {@link #setSlot} records the smallest changed index and {@link #decode} redoes
 * only the VMs from there on, rebuilding the running set at that point from the earlier starts.
 * A VM with slot {@link #NO_SLOT}, or with a slot outside its shape's range, is left out
 * ({@link #startSeconds} = {@link #NOT_PLACED}) and takes no capacity. Not thread-safe.
 */
public final class DvampDecoder {
    /** The slot of a VM that has none (yet). */
    public static final int NO_SLOT = -1;
    /** The start of a VM the decoder left out. */
    public static final long NOT_PLACED = -1L;

    private final DvampWorkload workload;
    private final int n;
    private final int nodeCount;
    private final int cpuCapacityHalf;
    private final int memoryCapacityHalf;
    private final long clockSeconds;
    private final int[] slots;
    private final long[] startSeconds;
    /** floorSeconds[j] = max(clockSeconds, start of the last placed VM before j). */
    private final long[] floorSeconds;
    private int dirtyFrom;

    // The running set per node: parallel arrays of (end, cpu, memory) and the summed load.
    private final long[][] runningEnd;
    private final int[][] runningCpu;
    private final int[][] runningMemory;
    private final int[] runningCount;
    private final int[] loadCpu;
    private final int[] loadMemory;

    /** A decoder of all the workload's VMs. */
    public DvampDecoder(DvampWorkload workload) {
        this(workload, workload.length());
    }

    /** A decoder of the first {@code count} VMs (under FIFO later VMs never change earlier starts). */
    public DvampDecoder(DvampWorkload workload, int count) {
        if (count < 0 || count > workload.length()) {
            throw new IllegalArgumentException("The count (" + count + ") of VMs to decode must be in 0.."
                    + workload.length() + ".");
        }
        this.workload = workload;
        this.n = count;
        this.nodeCount = workload.nodeCount();
        this.cpuCapacityHalf = workload.cpuCapacityHalf();
        this.memoryCapacityHalf = workload.memoryCapacityHalf();
        this.clockSeconds = workload.clockSeconds();
        this.slots = new int[n];
        Arrays.fill(slots, NO_SLOT);
        this.startSeconds = new long[n];
        Arrays.fill(startSeconds, NOT_PLACED);
        this.floorSeconds = new long[n];
        this.dirtyFrom = 0;
        this.runningEnd = new long[nodeCount][16];
        this.runningCpu = new int[nodeCount][16];
        this.runningMemory = new int[nodeCount][16];
        this.runningCount = new int[nodeCount];
        this.loadCpu = new int[nodeCount];
        this.loadMemory = new int[nodeCount];
    }

    /** Decodes the slots of a whole run at once: slot j for VM j, {@code slots.length} ≤ n. */
    public static long[] decode(DvampWorkload workload, int[] slots) {
        DvampDecoder decoder = new DvampDecoder(workload, slots.length);
        for (int j = 0; j < slots.length; j++) {
            decoder.setSlot(j, slots[j]);
        }
        decoder.decode();
        long[] starts = new long[slots.length];
        for (int j = 0; j < slots.length; j++) {
            starts[j] = decoder.startSeconds(j);
        }
        return starts;
    }

    /** The slot of a canonical action 2i + k: the node for a single VM, the PM i for a double VM. */
    public static int slotOfAction(DvampWorkload workload, int vm, int action) {
        return workload.isDouble(vm) ? action >> 1 : action;
    }

    /** The canonical action 2i + k of a slot. */
    public static int actionOfSlot(DvampWorkload workload, int vm, int slot) {
        return workload.isDouble(vm) ? 2 * slot : slot;
    }

    /** The slots of a solution's placements, in order (shorter than n when the solution is). */
    public static int[] slotsOf(DvampWorkload workload, List<DvampPlacement> placements) {
        int[] slots = new int[placements.size()];
        for (int j = 0; j < slots.length; j++) {
            slots[j] = slotOfAction(workload, j, placements.get(j).action());
        }
        return slots;
    }

    public DvampWorkload workload() {
        return workload;
    }

    /** The number of VMs decoded. */
    public int count() {
        return n;
    }

    /** Sets VM {@code vm}'s slot; the next {@link #decode} redoes the VMs from the smallest changed index. */
    public void setSlot(int vm, int slot) {
        if (slots[vm] != slot) {
            slots[vm] = slot;
            dirtyFrom = Math.min(dirtyFrom, vm);
        }
    }

    /** Forces the next {@link #decode} to start from VM {@code vm} or earlier. */
    public void invalidateFrom(int vm) {
        dirtyFrom = Math.min(dirtyFrom, vm);
    }

    /** st_j after the last {@link #decode}, or {@link #NOT_PLACED}. */
    public long startSeconds(int vm) {
        return startSeconds[vm];
    }

    /** Σ (st_j − at_j) over the placed VMs. */
    public long totalWaitSeconds() {
        long total = 0;
        for (int j = 0; j < n; j++) {
            if (startSeconds[j] != NOT_PLACED) {
                total += startSeconds[j] - workload.arrivalSeconds(j);
            }
        }
        return total;
    }

    /**
     * Redoes the VMs from the smallest index changed since the last call; returns that index (n when
     * nothing changed). Afterwards {@link #startSeconds} holds the decoded schedule.
     */
    public int decode() {
        int from = dirtyFrom;
        if (from >= n) {
            return n;
        }
        long floor = from == 0 ? clockSeconds : floorSeconds[from];
        rebuildRunningSet(from, floor);
        for (int j = from; j < n; j++) {
            floorSeconds[j] = floor;
            long start = place(j, floor);
            startSeconds[j] = start;
            if (start != NOT_PLACED) {
                floor = start;
            }
        }
        dirtyFrom = n;
        return from;
    }

    /** The running set just before VM {@code from}: initial and earlier VMs ending after {@code floor}. */
    private void rebuildRunningSet(int from, long floor) {
        Arrays.fill(runningCount, 0);
        Arrays.fill(loadCpu, 0);
        Arrays.fill(loadMemory, 0);
        for (DvampInitialVm vm : workload.initialVms()) {
            if (vm.endSeconds() > floor) {
                boolean isDouble = vm.memoryGiB() > workload.doubleThresholdGiB;
                int cpu = isDouble ? vm.cpuCores() : 2 * vm.cpuCores();
                int memory = isDouble ? vm.memoryGiB() : 2 * vm.memoryGiB();
                int first = isDouble ? 2 * vm.pm() : 2 * vm.pm() + vm.numa();
                add(first, vm.endSeconds(), cpu, memory);
                if (isDouble) {
                    add(first + 1, vm.endSeconds(), cpu, memory);
                }
            }
        }
        for (int l = 0; l < from; l++) {
            long start = startSeconds[l];
            if (start == NOT_PLACED) {
                continue;
            }
            long end = start + workload.lifetimeSeconds(l);
            if (end > floor) {
                occupy(l, end);
            }
        }
    }

    /** Decodes VM j at or after {@code floor}; returns its start or NOT_PLACED. */
    private long place(int j, long floor) {
        int first = firstNode(j);
        if (first < 0) {
            return NOT_PLACED;
        }
        boolean isDouble = workload.isDouble(j);
        int last = isDouble ? first + 1 : first;
        int cpu = workload.cpuNeedHalf(j);
        int memory = workload.memoryNeedHalf(j);
        long tau = Math.max(floor, workload.arrivalSeconds(j));
        release(first, tau);
        if (isDouble) {
            release(last, tau);
        }
        while (!fits(first, cpu, memory) || (isDouble && !fits(last, cpu, memory))) {
            long next = nextEnd(first);
            if (isDouble) {
                next = Math.min(next, nextEnd(last));
            }
            if (next == Long.MAX_VALUE) {
                return NOT_PLACED;
            }
            tau = next;
            release(first, tau);
            if (isDouble) {
                release(last, tau);
            }
        }
        occupy(j, tau + workload.lifetimeSeconds(j));
        return tau;
    }

    /** The first node of VM j's slot, or −1 when it has no valid slot. */
    private int firstNode(int j) {
        int slot = slots[j];
        if (workload.isDouble(j)) {
            return slot >= 0 && slot < nodeCount / 2 ? 2 * slot : -1;
        }
        return slot >= 0 && slot < nodeCount ? slot : -1;
    }

    private void occupy(int j, long end) {
        int first = firstNode(j);
        int cpu = workload.cpuNeedHalf(j);
        int memory = workload.memoryNeedHalf(j);
        add(first, end, cpu, memory);
        if (workload.isDouble(j)) {
            add(first + 1, end, cpu, memory);
        }
    }

    private boolean fits(int node, int cpu, int memory) {
        return loadCpu[node] + cpu <= cpuCapacityHalf && loadMemory[node] + memory <= memoryCapacityHalf;
    }

    private void add(int node, long end, int cpu, int memory) {
        int count = runningCount[node];
        if (count == runningEnd[node].length) {
            runningEnd[node] = Arrays.copyOf(runningEnd[node], 2 * count);
            runningCpu[node] = Arrays.copyOf(runningCpu[node], 2 * count);
            runningMemory[node] = Arrays.copyOf(runningMemory[node], 2 * count);
        }
        runningEnd[node][count] = end;
        runningCpu[node][count] = cpu;
        runningMemory[node][count] = memory;
        runningCount[node] = count + 1;
        loadCpu[node] += cpu;
        loadMemory[node] += memory;
    }

    /** Drops the VMs on the node that end at or before {@code tau} (intervals are [st, st + lt)). */
    private void release(int node, long tau) {
        long[] ends = runningEnd[node];
        int count = runningCount[node];
        int k = 0;
        while (k < count) {
            if (ends[k] <= tau) {
                loadCpu[node] -= runningCpu[node][k];
                loadMemory[node] -= runningMemory[node][k];
                count--;
                ends[k] = ends[count];
                runningCpu[node][k] = runningCpu[node][count];
                runningMemory[node][k] = runningMemory[node][count];
            } else {
                k++;
            }
        }
        runningCount[node] = count;
    }

    private long nextEnd(int node) {
        long next = Long.MAX_VALUE;
        long[] ends = runningEnd[node];
        for (int k = 0, count = runningCount[node]; k < count; k++) {
            next = Math.min(next, ends[k]);
        }
        return next;
    }
}
