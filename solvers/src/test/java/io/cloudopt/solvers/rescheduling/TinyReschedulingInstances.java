package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.common.Source;
import io.cloudopt.model.rescheduling.AntiAffinityGroup;
import io.cloudopt.model.rescheduling.PmStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingPm;
import io.cloudopt.model.rescheduling.ReschedulingSimulator;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.model.rescheduling.ReschedulingVm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded tiny rescheduling instances (2–3 PMs, 3–5 VMs, G = 4) and their brute-force optimum. */
final class TinyReschedulingInstances {
    private TinyReschedulingInstances() {
    }

    static ReschedulingInstance random(long seed) {
        Random random = new Random(seed);
        int pmCount = 2 + random.nextInt(2);
        List<ReschedulingPm> pms = new ArrayList<>();
        int[][] freeCpu = new int[pmCount][2];
        long[][] freeMemory = new long[pmCount][2];
        for (int p = 0; p < pmCount; p++) {
            boolean disabled = p == pmCount - 1 && pmCount == 3 && random.nextInt(5) == 0;
            int cpu = 6 + random.nextInt(7);
            long memory = 8 + random.nextInt(9);
            pms.add(new ReschedulingPm("pm" + p, disabled ? PmStatus.DISABLED : PmStatus.ACTIVE, "r" + (p % 2),
                    List.of(new ReschedulingPm.NumaCapacity(cpu, memory), new ReschedulingPm.NumaCapacity(cpu, memory))));
            freeCpu[p] = new int[] {cpu, cpu};
            freeMemory[p] = new long[] {memory, memory};
        }
        int vmCount = 3 + random.nextInt(3);
        List<ReschedulingVm> vms = new ArrayList<>();
        for (int v = 0; v < vmCount; v++) {
            boolean isDouble = random.nextInt(10) < 3;
            int cpu = isDouble ? 1 + random.nextInt(3) : 1 + random.nextInt(5);
            long memory = 1 + random.nextInt(isDouble ? 3 : 4);
            boolean pinned = random.nextInt(7) == 0;
            for (int attempt = 0; attempt < 20; attempt++) {
                int p = random.nextInt(pmCount);
                int n = random.nextInt(2);
                boolean fits = isDouble
                        ? freeCpu[p][0] >= cpu && freeCpu[p][1] >= cpu && freeMemory[p][0] >= memory
                        && freeMemory[p][1] >= memory
                        : freeCpu[p][n] >= cpu && freeMemory[p][n] >= memory;
                if (!fits) {
                    continue;
                }
                List<ReschedulingVm.Share> shares = new ArrayList<>();
                for (int m = 0; m < 2; m++) {
                    if (isDouble || m == n) {
                        shares.add(new ReschedulingVm.Share(m, cpu, memory));
                        freeCpu[p][m] -= cpu;
                        freeMemory[p][m] -= memory;
                    }
                }
                vms.add(new ReschedulingVm("vm" + vms.size(), isDouble ? "double" : "single", "pm" + p, shares,
                        !pinned));
                break;
            }
        }
        List<AntiAffinityGroup> groups = new ArrayList<>();
        if (vms.size() >= 2 && random.nextInt(10) < 3) {
            AntiAffinityGroup.Scope scope = random.nextBoolean() ? AntiAffinityGroup.Scope.HOST
                    : AntiAffinityGroup.Scope.RACK;
            List<String> members = new ArrayList<>();
            Set<String> places = new HashSet<>();
            for (ReschedulingVm vm : vms) {
                int p = Integer.parseInt(vm.host().substring(2));
                String place = scope == AntiAffinityGroup.Scope.HOST ? vm.host() : "r" + (p % 2);
                if (places.add(place)) {
                    members.add(vm.id());
                }
            }
            if (members.size() >= 2) {
                groups.add(new AntiAffinityGroup("g0", scope, members));
            }
        }
        return new ReschedulingInstance("tiny-" + seed, "", Source.NONE, 4, random.nextInt(4),
                random.nextInt(10) >= 3, pms, vms, groups);
    }

    /** The least final Σ(f mod G) over every valid plan (depth-first over states, by counted cost). */
    static long bruteForce(ReschedulingInstance instance) {
        ReschedulingState initial = ReschedulingState.initial(instance);
        int movable = 0;
        for (int v = 0; v < initial.vmCount(); v++) {
            movable += initial.isMovable(v) ? 1 : 0;
        }
        long[] best = {initial.totalFragments()};
        explore(initial, 0, 0, instance.maxMigrations(), instance.maxMigrations() + movable, new HashSet<>(), best);
        return best[0];
    }

    private static void explore(ReschedulingState state, int counted, int steps, int k, int maxSteps,
                                Set<String> seen, long[] best) {
        best[0] = Math.min(best[0], state.totalFragments());
        StringBuilder key = new StringBuilder().append(counted).append(':');
        for (int v = 0; v < state.vmCount(); v++) {
            key.append(state.host(v)).append(state.numaMask(v)).append(',');
        }
        if (!seen.add(key.toString()) || steps == maxSteps) {
            return;
        }
        for (int v = 0; v < state.vmCount(); v++) {
            for (int p = 0; p < state.pmCount(); p++) {
                for (int mask : state.isDouble(v) ? new int[] {3} : new int[] {1, 2}) {
                    if (ReschedulingSimulator.stepError(state, v, p, mask, ReschedulingSimulator.Rules.STRICT) != null) {
                        continue;
                    }
                    int cost = ReschedulingSimulator.cost(state, v, p);
                    if (counted + cost > k) {
                        continue;
                    }
                    ReschedulingState next = state.copy();
                    next.move(v, p, mask);
                    explore(next, counted + cost, steps + 1, k, maxSteps, seen, best);
                }
            }
        }
    }
}
