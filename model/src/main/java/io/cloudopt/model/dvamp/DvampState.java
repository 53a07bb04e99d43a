package io.cloudopt.model.dvamp;

import java.util.Arrays;

/**
 * The cluster as the simulator keeps it: remaining half-units per node (node 2i + k is node k of
 * PM i), the clock, and the running VMs in a min-heap of (end, placement order). Policies read it;
 * only the simulator changes it.
 */
public final class DvampState {
    private static final int ORDER_BITS = 22;
    private static final long ORDER_MASK = (1L << ORDER_BITS) - 1;

    final DvampWorkload workload;
    final int nodeCount;
    final int cpuCapacityHalf;
    final int memoryCapacityHalf;
    final int[] remainingCpuHalf;
    final int[] remainingMemoryHalf;
    long timeSeconds;

    private long[] heap = new long[64];
    private int heapSize;
    private int[] occupantNode = new int[64];
    private int[] occupantCpuHalf = new int[64];
    private int[] occupantMemoryHalf = new int[64];
    private int occupants;

    DvampState(DvampWorkload workload) {
        this.workload = workload;
        this.nodeCount = workload.nodeCount();
        this.cpuCapacityHalf = workload.cpuCapacityHalf;
        this.memoryCapacityHalf = workload.memoryCapacityHalf;
        this.remainingCpuHalf = new int[nodeCount];
        this.remainingMemoryHalf = new int[nodeCount];
    }

    private DvampState(DvampState other) {
        this.workload = other.workload;
        this.nodeCount = other.nodeCount;
        this.cpuCapacityHalf = other.cpuCapacityHalf;
        this.memoryCapacityHalf = other.memoryCapacityHalf;
        this.remainingCpuHalf = other.remainingCpuHalf.clone();
        this.remainingMemoryHalf = other.remainingMemoryHalf.clone();
        this.timeSeconds = other.timeSeconds;
        this.heap = Arrays.copyOf(other.heap, Math.max(1, other.heapSize));
        this.heapSize = other.heapSize;
        int kept = Math.max(1, other.occupants);
        this.occupantNode = Arrays.copyOf(other.occupantNode, kept);
        this.occupantCpuHalf = Arrays.copyOf(other.occupantCpuHalf, kept);
        this.occupantMemoryHalf = Arrays.copyOf(other.occupantMemoryHalf, kept);
        this.occupants = other.occupants;
    }

    /**
     * An independent copy that the simulator will not change: observers get a state that changes
     * after the call, so whoever needs to keep one (labels, replayed decisions in benchmarks)
     * copies it.
     */
    public DvampState copy() {
        return new DvampState(this);
    }

    void reset() {
        Arrays.fill(remainingCpuHalf, cpuCapacityHalf);
        Arrays.fill(remainingMemoryHalf, memoryCapacityHalf);
        heapSize = 0;
        occupants = 0;
        timeSeconds = 0;
    }

    public DvampWorkload workload() {
        return workload;
    }

    public int pmCount() {
        return nodeCount / 2;
    }

    public int nodeCount() {
        return nodeCount;
    }

    /** The simulator clock t. */
    public long timeSeconds() {
        return timeSeconds;
    }

    public int remainingCpuHalf(int node) {
        return remainingCpuHalf[node];
    }

    public int remainingMemoryHalf(int node) {
        return remainingMemoryHalf[node];
    }

    public int cpuCapacityHalf() {
        return cpuCapacityHalf;
    }

    public int memoryCapacityHalf() {
        return memoryCapacityHalf;
    }

    /** s_ik = min(R^cpu/Q^cpu, R^mem/Q^mem), the node score of §9 (the IEEE value of SPANE's). */
    public double score(int node) {
        return Math.min((double) remainingCpuHalf[node] / cpuCapacityHalf,
                (double) remainingMemoryHalf[node] / memoryCapacityHalf);
    }

    /** S1 for a single VM on one node. */
    public boolean fitsNode(int vm, int node) {
        return remainingCpuHalf[node] >= workload.cpuNeedHalf(vm) && remainingMemoryHalf[node] >= workload.memoryNeedHalf(vm);
    }

    /** S1 for a double VM on both nodes of PM {@code pm}. */
    public boolean fitsPm(int vm, int pm) {
        int cpu = workload.cpuNeedHalf(vm);
        int mem = workload.memoryNeedHalf(vm);
        int n0 = 2 * pm;
        return remainingCpuHalf[n0] >= cpu && remainingMemoryHalf[n0] >= mem
                && remainingCpuHalf[n0 + 1] >= cpu && remainingMemoryHalf[n0 + 1] >= mem;
    }

    /** S2: whether action a (2i + k; for a double VM either node of PM i) is feasible for the VM. */
    public boolean feasible(int vm, int action) {
        if (action < 0 || action >= nodeCount) {
            return false;
        }
        return workload.isDouble(vm) ? fitsPm(vm, action >> 1) : fitsNode(vm, action);
    }

    /** Whether the VM fits anywhere in the current state. */
    public boolean fitsSomewhere(int vm) {
        if (workload.isDouble(vm)) {
            for (int pm = 0; pm < nodeCount / 2; pm++) {
                if (fitsPm(vm, pm)) {
                    return true;
                }
            }
        } else {
            for (int node = 0; node < nodeCount; node++) {
                if (fitsNode(vm, node)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The canonical feasible actions in increasing order (2i only for a double VM). */
    public int[] feasibleActions(int vm) {
        int[] actions = new int[nodeCount];
        int count = 0;
        boolean isDouble = workload.isDouble(vm);
        for (int action = 0; action < nodeCount; action += isDouble ? 2 : 1) {
            if (feasible(vm, action)) {
                actions[count++] = action;
            }
        }
        return Arrays.copyOf(actions, count);
    }

    /** SPANE's availability vector: entry a is 1 iff action a is feasible (both entries of a PM for a double VM). */
    public int[] availability(int vm) {
        int[] mask = new int[nodeCount];
        for (int action = 0; action < nodeCount; action++) {
            mask[action] = feasible(vm, action) ? 1 : 0;
        }
        return mask;
    }

    /** Number of VMs running now (initial VMs included). */
    public int runningCount() {
        return heapSize;
    }

    /** The latest end time among VMs running on each node (0 on an idle node). */
    public long[] runningEndSecondsPerNode() {
        long[] latest = new long[nodeCount];
        for (int h = 0; h < heapSize; h++) {
            long end = heap[h] >>> ORDER_BITS;
            int occupant = (int) (heap[h] & ORDER_MASK);
            int node = occupantNode[occupant];
            if (node >= 0) {
                latest[node] = Math.max(latest[node], end);
            } else {
                int n0 = 2 * (-node - 1);
                latest[n0] = Math.max(latest[n0], end);
                latest[n0 + 1] = Math.max(latest[n0 + 1], end);
            }
        }
        return latest;
    }

    /**
     * The running VMs, one row each: {end, node (−pm−1 for a double VM), cpu half-units per node,
     * memory half-units per node}, in no particular order.
     */
    public long[][] running() {
        long[][] rows = new long[heapSize][];
        for (int h = 0; h < heapSize; h++) {
            int occupant = (int) (heap[h] & ORDER_MASK);
            rows[h] = new long[] {heap[h] >>> ORDER_BITS, occupantNode[occupant], occupantCpuHalf[occupant],
                    occupantMemoryHalf[occupant]};
        }
        return rows;
    }

    // ---- changes, by the simulator only ----

    /** Takes the VM's demand from node {@code node} (single) or from both nodes of PM {@code -node-1} (double). */
    void occupy(int encodedNode, int cpuHalf, int memoryHalf, long endSeconds) {
        apply(encodedNode, -cpuHalf, -memoryHalf);
        if (occupants == occupantNode.length) {
            int size = occupants * 2;
            occupantNode = Arrays.copyOf(occupantNode, size);
            occupantCpuHalf = Arrays.copyOf(occupantCpuHalf, size);
            occupantMemoryHalf = Arrays.copyOf(occupantMemoryHalf, size);
        }
        occupantNode[occupants] = encodedNode;
        occupantCpuHalf[occupants] = cpuHalf;
        occupantMemoryHalf[occupants] = memoryHalf;
        push((endSeconds << ORDER_BITS) | occupants);
        occupants++;
    }

    private void apply(int encodedNode, int cpuHalf, int memoryHalf) {
        if (encodedNode >= 0) {
            remainingCpuHalf[encodedNode] += cpuHalf;
            remainingMemoryHalf[encodedNode] += memoryHalf;
        } else {
            int n0 = 2 * (-encodedNode - 1);
            remainingCpuHalf[n0] += cpuHalf;
            remainingMemoryHalf[n0] += memoryHalf;
            remainingCpuHalf[n0 + 1] += cpuHalf;
            remainingMemoryHalf[n0 + 1] += memoryHalf;
        }
    }

    boolean hasRunning() {
        return heapSize > 0;
    }

    /** The smallest end time in the heap; the heap must not be empty. */
    long nextEndSeconds() {
        return heap[0] >>> ORDER_BITS;
    }

    /** Pops the earliest departure and frees its capacity; returns its end time. */
    long releaseNext() {
        long top = heap[0];
        heapSize--;
        if (heapSize > 0) {
            long last = heap[heapSize];
            siftDown(last);
        }
        int occupant = (int) (top & ORDER_MASK);
        apply(occupantNode[occupant], occupantCpuHalf[occupant], occupantMemoryHalf[occupant]);
        return top >>> ORDER_BITS;
    }

    private void push(long key) {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long p = heap[parent];
            if (p <= key) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = key;
    }

    private void siftDown(long key) {
        int i = 0;
        int half = heapSize >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            long c = heap[child];
            int right = child + 1;
            if (right < heapSize && heap[right] < c) {
                child = right;
                c = heap[child];
            }
            if (key <= c) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = key;
    }

}
