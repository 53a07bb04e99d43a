package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampVm;
import io.cloudopt.model.dvamp.DvampWorkload;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Combinatorial bounds of problems/dvamp.md §9: B1, the pooled FIFO bound (a valid lower bound on
 * the total wait of every O1–O4 schedule, hence of every policy), and B4, the published worst-case
 * greedy gap (an informational number only, never a bound).
 */
public final class DvampBounds {
    private DvampBounds() {
    }

    /**
     * B1 for the first {@code count} VMs: per-VM start bounds π_j and LB_pool = Σ (π_j − at_j).
     */
    public static final class PooledFifoBound {
        private final long[] startBoundSeconds;
        private final long[] arrivalSeconds;
        private final long lowerBoundSeconds;

        private PooledFifoBound(long[] startBoundSeconds, long[] arrivalSeconds) {
            this.startBoundSeconds = startBoundSeconds;
            this.arrivalSeconds = arrivalSeconds;
            long total = 0;
            for (int j = 0; j < startBoundSeconds.length; j++) {
                total += startBoundSeconds[j] - arrivalSeconds[j];
            }
            this.lowerBoundSeconds = total;
        }

        public int count() {
            return startBoundSeconds.length;
        }

        /** π_j: no O1–O4 schedule starts VM j earlier. */
        public long startBoundSeconds(int j) {
            return startBoundSeconds[j];
        }

        /** π_j − at_j: no O1–O4 schedule lets VM j wait less. */
        public long waitBoundSeconds(int j) {
            return startBoundSeconds[j] - arrivalSeconds[j];
        }

        /** LB_pool = Σ (π_j − at_j). */
        public long lowerBoundSeconds() {
            return lowerBoundSeconds;
        }

        public long[] startBounds() {
            return Arrays.copyOf(startBoundSeconds, startBoundSeconds.length);
        }
    }

    /** B1 for an instance's episode: its first P VMs (all of them for {@code all} and {@code exceed}). */
    public static PooledFifoBound pooledFifo(DvampInstance instance) {
        return pooledFifo(DvampWorkload.of(instance), instance.placementCap());
    }

    /**
     * B1 for the first {@code count} VMs of a workload: one pool per resource of capacity 2m·C^d
     * whole units (shapes ignored), starting from the initial VMs' loads at the clock; in order,
     * π_j = the earliest τ ≥ max(at_j, clock, π_{j−1}), among that value and later departure
     * epochs, at which the earlier VMs still running plus VM j fit. O(n log n).
     */
    public static PooledFifoBound pooledFifo(DvampWorkload workload, int count) {
        return pooled(workload, count, false);
    }

    /**
     * B1 strengthened by the shapes of the initial VMs (used for the exact models' start domains, not
     * the published pool_lb): π_j must also be a time at which some slot of VM j (a node, or a PM for
     * a double VM) has room beside the initial VMs still running there. Valid for the same reason as
     * B1: in any O1–O4 schedule the slot of VM j holds at least those initial VMs at st_j.
     */
    public static PooledFifoBound pooledFifoWithInitialNodes(DvampWorkload workload, int count) {
        return pooled(workload, count, true);
    }

    private static final int NO_NODE = Integer.MIN_VALUE;

    private static PooledFifoBound pooled(DvampWorkload workload, int count, boolean initialNodes) {
        if (count < 0 || count > workload.length()) {
            throw new IllegalArgumentException("The count (" + count + ") must lie in 0.." + workload.length()
                    + ", the number of VMs of the workload.");
        }
        long cpuCapacity = (long) workload.nodeCount() * workload.cpuCapacityHalf() / 2;
        long memoryCapacity = (long) workload.nodeCount() * workload.memoryCapacityHalf() / 2;
        // Initial loads per node, half-units (only read when initialNodes).
        long[] nodeCpuHalf = new long[workload.nodeCount()];
        long[] nodeMemoryHalf = new long[workload.nodeCount()];
        // Running VMs as {end, cpuCores, memoryGiB, node of an initial VM (−pm−1 double) or NO_NODE}.
        PriorityQueue<long[]> running = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        long cpuLoad = 0;
        long memoryLoad = 0;
        for (DvampInitialVm vm : workload.initialVms()) {
            int node = vm.numa() == null ? -vm.pm() - 1 : 2 * vm.pm() + vm.numa();
            running.add(new long[] {vm.endSeconds(), vm.cpuCores(), vm.memoryGiB(), node});
            cpuLoad += vm.cpuCores();
            memoryLoad += vm.memoryGiB();
            addInitialLoad(nodeCpuHalf, nodeMemoryHalf, node, vm.cpuCores(), vm.memoryGiB(), 1);
        }
        long[] starts = new long[count];
        long[] arrivals = new long[count];
        long time = workload.clockSeconds();
        for (int j = 0; j < count; j++) {
            arrivals[j] = workload.arrivalSeconds(j);
            time = Math.max(time, arrivals[j]);
            int cpu = workload.cpuCores(j);
            int memory = workload.memoryGiB(j);
            while (true) {
                while (!running.isEmpty() && running.peek()[0] <= time) {
                    long[] ended = running.poll();
                    cpuLoad -= ended[1];
                    memoryLoad -= ended[2];
                    if (ended[3] != NO_NODE) {
                        addInitialLoad(nodeCpuHalf, nodeMemoryHalf, (int) ended[3], ended[1], ended[2], -1);
                    }
                }
                boolean poolFits = cpuLoad + cpu <= cpuCapacity && memoryLoad + memory <= memoryCapacity;
                if (poolFits && (!initialNodes || slotFree(workload, j, nodeCpuHalf, nodeMemoryHalf))) {
                    break;
                }
                time = running.peek()[0];
            }
            starts[j] = time;
            running.add(new long[] {time + workload.lifetimeSeconds(j), cpu, memory, NO_NODE});
            cpuLoad += cpu;
            memoryLoad += memory;
        }
        return new PooledFifoBound(starts, arrivals);
    }

    private static void addInitialLoad(long[] nodeCpuHalf, long[] nodeMemoryHalf, int node, long cpuCores,
                                       long memoryGiB, int sign) {
        if (node >= 0) {
            nodeCpuHalf[node] += sign * 2 * cpuCores;
            nodeMemoryHalf[node] += sign * 2 * memoryGiB;
        } else {
            int first = 2 * (-node - 1);
            for (int n = first; n <= first + 1; n++) {
                nodeCpuHalf[n] += sign * cpuCores;
                nodeMemoryHalf[n] += sign * memoryGiB;
            }
        }
    }

    /** Whether some slot of VM j has room beside the initial loads alone. */
    private static boolean slotFree(DvampWorkload workload, int j, long[] nodeCpuHalf, long[] nodeMemoryHalf) {
        long cpu = workload.cpuNeedHalf(j);
        long memory = workload.memoryNeedHalf(j);
        long cpuCapacity = workload.cpuCapacityHalf();
        long memoryCapacity = workload.memoryCapacityHalf();
        for (int node = 0; node < workload.nodeCount(); node++) {
            boolean fits = nodeCpuHalf[node] + cpu <= cpuCapacity && nodeMemoryHalf[node] + memory <= memoryCapacity;
            if (workload.isDouble(j)) {
                int other = node ^ 1;
                fits &= nodeCpuHalf[other] + cpu <= cpuCapacity && nodeMemoryHalf[other] + memory <= memoryCapacity;
            }
            if (fits) {
                return true;
            }
        }
        return false;
    }

    /**
     * B4, the published worst-case gap of greedy online algorithms, (m−1)/(2m−1)·(μ−1)·TR with
     * TR = Σ_d Σ_j r_j^d·lt_j (whole units) and μ = max lt / min lt over the episode's VMs. Its exact
     * reading is unverified (problems/dvamp.md §9): report it as information, never as a bound.
     */
    public static double publishedGreedyGap(DvampInstance instance) {
        int count = instance.placementCap();
        long minLifetime = Long.MAX_VALUE;
        long maxLifetime = 0;
        double resourceTime = 0;
        for (int j = 0; j < count; j++) {
            DvampVm vm = instance.vms().get(j);
            minLifetime = Math.min(minLifetime, vm.lifetimeSeconds());
            maxLifetime = Math.max(maxLifetime, vm.lifetimeSeconds());
            resourceTime += (double) (vm.cpuCores() + vm.memoryGiB()) * vm.lifetimeSeconds();
        }
        double m = instance.pmCount();
        double mu = (double) maxLifetime / minLifetime;
        return (m - 1) / (2 * m - 1) * (mu - 1) * resourceTime;
    }
}
