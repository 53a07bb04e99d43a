package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampVm;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline optimum of a tiny spane instance by enumeration: every slot per VM (every node for a
 * single VM, every PM for a double one), each assignment decoded to its earliest FIFO start times
 * (the decoder of problems/dvamp.md §5), the least total wait kept. Left-shifting a start under
 * FIFO never delays a later VM, so the decoder is optimal for fixed slots and the minimum is exact.
 */
final class DvampBruteForce {
    private final DvampInstance instance;
    private final int count;
    private final int nodes;
    private final boolean[] isDouble;
    private final long[][] demand;
    private final long[] capacity;

    DvampBruteForce(DvampInstance instance) {
        this.instance = instance;
        this.count = instance.placementCap();
        this.nodes = 2 * instance.pmCount();
        this.isDouble = new boolean[count];
        this.demand = new long[count][2];
        this.capacity = new long[] {2L * instance.cpuCoresPerNuma(), 2L * instance.memoryGiBPerNuma()};
        for (int j = 0; j < count; j++) {
            DvampVm vm = instance.vms().get(j);
            isDouble[j] = instance.isDouble(vm.memoryGiB());
            demand[j][0] = isDouble[j] ? vm.cpuCores() : 2L * vm.cpuCores();
            demand[j][1] = isDouble[j] ? vm.memoryGiB() : 2L * vm.memoryGiB();
        }
    }

    /** The least total wait over every slot assignment. */
    long optimumTotalWaitSeconds() {
        return search(new int[count], 0);
    }

    private long search(int[] actions, int j) {
        if (j == count) {
            return totalWait(decode(actions));
        }
        long best = Long.MAX_VALUE;
        for (int action = 0; action < nodes; action += isDouble[j] ? 2 : 1) {
            actions[j] = action;
            best = Math.min(best, search(actions, j + 1));
        }
        return best;
    }

    private long totalWait(long[] starts) {
        long total = 0;
        for (int j = 0; j < count; j++) {
            total += starts[j] - instance.vms().get(j).arrivalSeconds();
        }
        return total;
    }

    /** st_j := the earliest τ ≥ max(at_j, clock, st_{j−1}) at which the slot fits, among τ and later ends. */
    long[] decode(int[] actions) {
        long[] starts = new long[count];
        long previous = instance.clockOrZero();
        for (int j = 0; j < count; j++) {
            long from = Math.max(previous, instance.vms().get(j).arrivalSeconds());
            List<Long> candidates = new ArrayList<>();
            candidates.add(from);
            for (int l = 0; l < j; l++) {
                long end = starts[l] + instance.vms().get(l).lifetimeSeconds();
                if (end > from) {
                    candidates.add(end);
                }
            }
            for (DvampInitialVm vm : instance.initialVms()) {
                if (vm.endSeconds() > from) {
                    candidates.add(vm.endSeconds());
                }
            }
            candidates.sort(Long::compare);
            long start = -1;
            for (long tau : candidates) {
                if (fits(actions, starts, j, tau)) {
                    start = tau;
                    break;
                }
            }
            starts[j] = start;
            previous = start;
        }
        return starts;
    }

    private boolean fits(int[] actions, long[] starts, int j, long tau) {
        for (int node = 0; node < nodes; node++) {
            if (!uses(j, actions[j], node)) {
                continue;
            }
            for (int d = 0; d < 2; d++) {
                long load = demand[j][d];
                for (int l = 0; l < j; l++) {
                    if (uses(l, actions[l], node) && tau < starts[l] + instance.vms().get(l).lifetimeSeconds()) {
                        load += demand[l][d];
                    }
                }
                for (DvampInitialVm vm : instance.initialVms()) {
                    boolean onNode = vm.numa() == null ? vm.pm() == node >> 1 : 2 * vm.pm() + vm.numa() == node;
                    if (onNode && tau < vm.endSeconds()) {
                        int whole = d == 0 ? vm.cpuCores() : vm.memoryGiB();
                        load += vm.numa() == null ? whole : 2L * whole;
                    }
                }
                if (load > capacity[d]) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean uses(int j, int action, int node) {
        return isDouble[j] ? action >> 1 == node >> 1 : action == node;
    }
}
