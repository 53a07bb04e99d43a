package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampFirstFitPolicy;
import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPlacement;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.model.dvamp.DvampState;
import io.cloudopt.model.dvamp.DvampVm;
import io.cloudopt.model.dvamp.DvampWorkload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data both exact models of problems/dvamp.md §7 are built from, in half-units on primitive
 * arrays: demands, start domains [max(at_j, clock, π_j), …] tightened by the incumbent U, the
 * candidate slots of every VM after the C8 symmetry fixing, the initial VMs' fixed loads, and the
 * incumbent's schedule relabelled so that it obeys C8 (the hint).
 */
final class DvampOfflineData {
    static final int CPU = 0;
    static final int MEMORY = 1;

    final DvampInstance instance;
    final boolean spane;
    final int count;
    final int pmCount;
    final int nodeCount;
    final long[] capacityHalf;
    final boolean[] isDouble;
    /** [d][j]: half-units VM j takes on each node it uses. */
    final long[][] demandHalf;
    final long[] arrivalSeconds;
    /** lt_j, or (fading vmagent) the time from arrival to past the last arrival. */
    final long[] lifetimeSeconds;
    final long[] earliestStartSeconds;
    final long[] latestStartSeconds;
    /** Canonical actions (2i + k single, 2i double) VM j may take. */
    final int[][] slots;
    final long clockSeconds;
    /** Node of initial VM g, or −pm−1 for a double one. */
    final int[] initialNode;
    final long[][] initialDemandHalf;
    final long[] initialEndSeconds;
    final DvampIncumbent incumbent;
    /** The incumbent's actions after the C8 relabelling. */
    final int[] hintActions;
    final long poolLowerBoundSeconds;

    /** Restrictions on the first VM (the look-ahead expert's head): its start and its feasible actions. */
    static final class Head {
        final long startSeconds;
        final boolean[] allowedActions;

        Head(long startSeconds, int[] actions, int nodeCount) {
            this.startSeconds = startSeconds;
            this.allowedActions = new boolean[nodeCount];
            for (int action : actions) {
                allowedActions[action] = true;
            }
        }
    }

    private DvampOfflineData(DvampInstance instance, Head head) {
        this.instance = instance;
        this.spane = instance.semantics() == DvampSemantics.SPANE;
        this.count = instance.placementCap();
        this.pmCount = instance.pmCount();
        this.nodeCount = 2 * pmCount;
        this.capacityHalf = new long[] {2L * instance.cpuCoresPerNuma(), 2L * instance.memoryGiBPerNuma()};
        this.clockSeconds = instance.clockOrZero();
        this.isDouble = new boolean[count];
        this.demandHalf = new long[2][count];
        this.arrivalSeconds = new long[count];
        this.lifetimeSeconds = new long[count];
        long lastArrival = instance.vms().get(count - 1).arrivalSeconds();
        for (int j = 0; j < count; j++) {
            DvampVm vm = instance.vms().get(j);
            isDouble[j] = instance.isDouble(vm.memoryGiB());
            demandHalf[CPU][j] = isDouble[j] ? vm.cpuCores() : 2L * vm.cpuCores();
            demandHalf[MEMORY][j] = isDouble[j] ? vm.memoryGiB() : 2L * vm.memoryGiB();
            arrivalSeconds[j] = vm.arrivalSeconds();
            lifetimeSeconds[j] = instance.departures() ? vm.lifetimeSeconds() : lastArrival + 1 - vm.arrivalSeconds();
        }
        int initial = instance.initialVms().size();
        this.initialNode = new int[initial];
        this.initialDemandHalf = new long[2][initial];
        this.initialEndSeconds = new long[initial];
        boolean[] emptyPm = new boolean[pmCount];
        Arrays.fill(emptyPm, true);
        for (int g = 0; g < initial; g++) {
            DvampInitialVm vm = instance.initialVms().get(g);
            boolean doubleVm = vm.numa() == null;
            initialNode[g] = doubleVm ? -vm.pm() - 1 : 2 * vm.pm() + vm.numa();
            initialDemandHalf[CPU][g] = doubleVm ? vm.cpuCores() : 2L * vm.cpuCores();
            initialDemandHalf[MEMORY][g] = doubleVm ? vm.memoryGiB() : 2L * vm.memoryGiB();
            initialEndSeconds[g] = vm.endSeconds();
            emptyPm[vm.pm()] = false;
        }
        this.incumbent = DvampIncumbent.best(instance);
        this.slots = candidateSlots(emptyPm, head);
        this.hintActions = relabelled(incumbent.run().actions(), emptyPm);
        this.earliestStartSeconds = new long[count];
        this.latestStartSeconds = new long[count];
        if (spane) {
            DvampBounds.PooledFifoBound pool = DvampBounds.pooledFifoWithInitialNodes(DvampWorkload.of(instance), count);
            this.poolLowerBoundSeconds = pool.lowerBoundSeconds();
            long slack = incumbent.run().totalWaitSeconds() - pool.lowerBoundSeconds();
            assert slack >= 0 : "incumbent " + incumbent.run().totalWaitSeconds() + " below B1 "
                    + pool.lowerBoundSeconds();
            for (int j = 0; j < count; j++) {
                // π_j ≥ max(at_j, clock); every other VM waits at least π_l − at_l, so VM j at most U − LB more.
                earliestStartSeconds[j] = pool.startBoundSeconds(j);
                latestStartSeconds[j] = pool.startBoundSeconds(j) + slack;
            }
            if (head != null) {
                earliestStartSeconds[0] = head.startSeconds;
                latestStartSeconds[0] = head.startSeconds;
            }
            for (int j = count - 2; j >= 0; j--) {
                latestStartSeconds[j] = Math.min(latestStartSeconds[j], latestStartSeconds[j + 1]);
            }
        } else {
            this.poolLowerBoundSeconds = 0;
            for (int j = 0; j < count; j++) {
                earliestStartSeconds[j] = arrivalSeconds[j];
                latestStartSeconds[j] = arrivalSeconds[j];
            }
        }
    }

    /** The data of an instance's episode; an {@code exceed} episode is modelled over first-fit's placements. */
    static DvampOfflineData of(DvampInstance instance) {
        return new DvampOfflineData(placementsEpisode(instance), null);
    }

    /** The data of a look-ahead window whose first VM is restricted by {@code head}. */
    static DvampOfflineData window(DvampInstance instance, Head head) {
        return new DvampOfflineData(instance, head);
    }

    private static DvampInstance placementsEpisode(DvampInstance instance) {
        if (instance.episode().mode() != DvampEpisode.Mode.EXCEED) {
            return instance;
        }
        DvampRun probe = DvampSimulator.run(instance, new DvampFirstFitPolicy(), 0, DvampObserver.NONE);
        return new DvampInstance(instance.name(), instance.description(), instance.source(), instance.semantics(),
                instance.pmCount(), instance.cpuCoresPerNuma(), instance.memoryGiBPerNuma(),
                instance.doubleNumaThresholdGiB(), instance.departures(),
                DvampEpisode.placements(probe.placedCount()), instance.protocol(), instance.clockSeconds(),
                instance.initialVms(), instance.vms());
    }

    /**
     * C8 by fixing literals: PMs empty at the window start are identical, so label them by first use
     * (the r-th empty PM, rank r, is first used by a VM j ≥ r) and put the first VM of each on node 0:
     * VM j may not use an empty PM of rank > j, nor node 1 of the empty PM of rank j.
     */
    private int[][] candidateSlots(boolean[] emptyPm, Head head) {
        int[] rank = emptyRanks(emptyPm);
        int[][] result = new int[count][];
        for (int j = 0; j < count; j++) {
            List<Integer> allowed = new ArrayList<>();
            for (int action = 0; action < nodeCount; action += isDouble[j] ? 2 : 1) {
                int pm = action >> 1;
                boolean symmetric = emptyPm[pm] && (rank[pm] > j || rank[pm] == j && !isDouble[j] && (action & 1) == 1);
                boolean restricted = j == 0 && head != null && !head.allowedActions[action];
                if (!symmetric && !restricted) {
                    allowed.add(action);
                }
            }
            result[j] = allowed.stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    private int[] emptyRanks(boolean[] emptyPm) {
        int[] rank = new int[pmCount];
        int next = 0;
        for (int pm = 0; pm < pmCount; pm++) {
            rank[pm] = emptyPm[pm] ? next++ : -1;
        }
        return rank;
    }

    /** The same schedule with empty PMs renamed in order of first use and their nodes swapped to obey C8. */
    private int[] relabelled(int[] actions, boolean[] emptyPm) {
        int[] emptyByRank = new int[pmCount];
        int empties = 0;
        for (int pm = 0; pm < pmCount; pm++) {
            if (emptyPm[pm]) {
                emptyByRank[empties++] = pm;
            }
        }
        int[] label = new int[pmCount];
        Arrays.fill(label, -1);
        boolean[] swapNodes = new boolean[pmCount];
        int used = 0;
        int[] result = new int[actions.length];
        for (int j = 0; j < actions.length; j++) {
            int pm = actions[j] >> 1;
            int node = actions[j] & 1;
            if (!emptyPm[pm]) {
                result[j] = actions[j];
                continue;
            }
            if (label[pm] < 0) {
                label[pm] = emptyByRank[used++];
                swapNodes[pm] = !isDouble[j] && node == 1;
            }
            result[j] = 2 * label[pm] + (isDouble[j] ? 0 : node ^ (swapNodes[pm] ? 1 : 0));
        }
        return result;
    }

    /** U: the incumbent's total wait (spane). */
    long upperBoundSeconds() {
        return incumbent.run().totalWaitSeconds();
    }

    /** Index of {@code action} in VM j's slots, or −1. */
    int slotIndex(int j, int action) {
        int[] candidates = slots[j];
        for (int s = 0; s < candidates.length; s++) {
            if (candidates[s] == action) {
                return s;
            }
        }
        return -1;
    }

    /** Whether slot action {@code action} of VM j occupies node {@code node}. */
    boolean uses(int j, int action, int node) {
        return isDouble[j] ? action >> 1 == node >> 1 : action == node;
    }

    /** Whether initial VM g occupies node {@code node}. */
    boolean initialUses(int g, int node) {
        int encoded = initialNode[g];
        return encoded >= 0 ? encoded == node : -encoded - 1 == node >> 1;
    }

    /** An offline spane schedule of the given actions and starts. */
    DvampSolution spaneSolution(int[] actions, long[] startSeconds) {
        List<DvampPlacement> placements = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            placements.add(placement(j, actions[j], startSeconds[j]));
        }
        return new DvampSolution(DvampSolution.Schedule.OFFLINE, null, placements, null);
    }

    /**
     * A vmagent schedule: the model's placed prefix, then first fit while VMs still fit (a time-limited
     * prefix may be extendable), up to the first VM that fits nowhere.
     */
    DvampSolution vmagentSolution(int[] prefixActions) {
        DvampPolicy replay = new DvampPolicy() {
            private final DvampPolicy firstFit = new DvampFirstFitPolicy();

            @Override
            public String name() {
                return "replay";
            }

            @Override
            public int choose(DvampState state, int vm) {
                return vm < prefixActions.length ? prefixActions[vm] : firstFit.choose(state, vm);
            }
        };
        DvampRun run = DvampSimulator.run(instance, replay, 0, DvampObserver.NONE);
        DvampSolution online = DvampProblem.fromRun(instance, run, null);
        return new DvampSolution(DvampSolution.Schedule.OFFLINE, null, online.placements(), online.failedVmId());
    }

    private DvampPlacement placement(int j, int action, long startSeconds) {
        return new DvampPlacement(instance.vms().get(j).id(), action >> 1, isDouble[j] ? null : action & 1,
                startSeconds);
    }

    /** Readable variable name of a slot literal: x_vm12_pm3_numa1 (single) or y_vm12_pm3 (double). */
    String slotName(int j, int action) {
        return isDouble[j] ? "y_vm" + j + "_pm" + (action >> 1) : "x_vm" + j + "_pm" + (action >> 1) + "_numa"
                + (action & 1);
    }
}
