package io.cloudopt.model.dvamp;

import io.cloudopt.model.common.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every hard rule of a dvamp solution (problems/dvamp.md §4–5), written again without solver code:
 * the placements list (order, count, shapes), O1 start ≥ max(arrival, clock), O2 FIFO, O3 node
 * capacity at every time point (a sweep over start and end events), and, for an online schedule,
 * equality with the simulator's replay of the same actions (work conservation, S7).
 */
public final class DvampVerifier {
    /** The verifier stops listing after this many violations. */
    static final int MAX_VIOLATIONS = 50;

    private DvampVerifier() {
    }

    public static List<Violation> verify(DvampInstance instance, DvampSolution solution) {
        List<Violation> violations = new ArrayList<>();
        List<DvampPlacement> placements = solution.placements();
        List<DvampVm> vms = instance.vms();
        boolean spane = instance.semantics() == DvampSemantics.SPANE;

        checkCount(instance, solution, violations);
        int count = Math.min(placements.size(), vms.size());
        boolean shapesValid = true;
        for (int j = 0; j < count; j++) {
            DvampPlacement placement = placements.get(j);
            DvampVm vm = vms.get(j);
            String at = "$.placements[" + j + "]";
            if (!placement.vmId().equals(vm.id())) {
                violations.add(new Violation("S4", at + ".vmId", "expected \"" + vm.id() + "\", found \""
                        + placement.vmId() + "\""));
                shapesValid = false;
            }
            if (placement.pm() < 0 || placement.pm() >= instance.pmCount()) {
                violations.add(new Violation("O4", at + ".pm", placement.pm() + " outside 0.."
                        + (instance.pmCount() - 1)));
                shapesValid = false;
            }
            boolean isDouble = instance.isDouble(vm.memoryGiB());
            if (isDouble && placement.numa() != null) {
                violations.add(new Violation("O4", at + ".numa", "must be null for a double VM"));
                shapesValid = false;
            } else if (!isDouble && (placement.numa() == null || placement.numa() < 0 || placement.numa() > 1)) {
                violations.add(new Violation("O4", at + ".numa", "must be 0 or 1 for a single VM"));
                shapesValid = false;
            }
            long earliest = Math.max(vm.arrivalSeconds(), instance.clockOrZero());
            if (!spane && placement.startSeconds() != vm.arrivalSeconds()) {
                violations.add(new Violation("V2", at + ".startSeconds", placement.startSeconds()
                        + " must equal the arrival " + vm.arrivalSeconds() + " under vmagent"));
            } else if (placement.startSeconds() < earliest) {
                violations.add(new Violation("O1", at + ".startSeconds", placement.startSeconds() + " < "
                        + (earliest == vm.arrivalSeconds() ? "arrival " : "clockSeconds ") + earliest));
            }
            if (spane && j > 0 && placement.startSeconds() < placements.get(j - 1).startSeconds()) {
                violations.add(new Violation("O2", at + ".startSeconds", placement.startSeconds()
                        + " < previous start " + placements.get(j - 1).startSeconds() + " (FIFO)"));
            }
        }
        if (shapesValid) {
            checkCapacity(instance, placements.subList(0, count), violations);
        }
        if (violations.isEmpty()) {
            if (solution.schedule() == DvampSolution.Schedule.ONLINE || !spane) {
                checkReplay(instance, solution, violations);
            }
        }
        return violations.size() > MAX_VIOLATIONS ? violations.subList(0, MAX_VIOLATIONS) : violations;
    }

    private static void checkCount(DvampInstance instance, DvampSolution solution, List<Violation> violations) {
        int n = instance.vms().size();
        int count = solution.placements().size();
        if (count > n) {
            violations.add(new Violation("S6", "$.placements", count + " placements for " + n + " VMs"));
            return;
        }
        if (instance.semantics() == DvampSemantics.SPANE) {
            DvampEpisode episode = instance.episode();
            int expected = switch (episode.mode()) {
                case PLACEMENTS -> episode.placements();
                case ALL -> n;
                case EXCEED -> count;
            };
            if (count != expected) {
                violations.add(new Violation("S6", "$.placements", count + " placements, the episode places "
                        + expected));
            }
            if (solution.failedVmId() != null) {
                violations.add(new Violation("S6", "$.failedVmId", "must be null under semantics \"spane\""));
            }
        } else if (count < instance.placementCap() && count < n && solution.failedVmId() == null) {
            violations.add(new Violation("V2", "$.failedVmId", "null, but only " + count + " of "
                    + instance.placementCap() + " VMs are placed"));
        }
    }

    /** O3 (and S1 under vmagent): loads on every node at every start, after the ends at that time. */
    private static void checkCapacity(DvampInstance instance, List<DvampPlacement> placements,
                                      List<Violation> violations) {
        int count = placements.size();
        int initial = instance.initialVms().size();
        int events = 2 * (count + initial);
        long[] time = new long[events];
        // Event code: (time, kind 0 = end before 1 = start, index) sorted lexicographically.
        long[][] order = new long[events][];
        int e = 0;
        for (int i = 0; i < initial; i++) {
            DvampInitialVm vm = instance.initialVms().get(i);
            order[e++] = new long[] {Long.MIN_VALUE, 1, -i - 1};
            order[e++] = new long[] {vm.endSeconds(), 0, -i - 1};
        }
        for (int j = 0; j < count; j++) {
            DvampPlacement placement = placements.get(j);
            long start = placement.startSeconds();
            long end = instance.departures() ? start + instance.vms().get(j).lifetimeSeconds() : Long.MAX_VALUE;
            order[e++] = new long[] {start, 1, j};
            order[e++] = new long[] {end, 0, j};
        }
        Arrays.sort(order, 0, e, (a, b) -> {
            int c = Long.compare(a[0], b[0]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(a[1], b[1]);
            return c != 0 ? c : Long.compare(a[2], b[2]);
        });
        int nodes = 2 * instance.pmCount();
        long[] cpu = new long[nodes];
        long[] mem = new long[nodes];
        long cpuCap = 2L * instance.cpuCoresPerNuma();
        long memCap = 2L * instance.memoryGiBPerNuma();
        boolean[] reported = new boolean[nodes];
        for (int k = 0; k < e; k++) {
            long[] event = order[k];
            int index = (int) event[2];
            int cpuCores;
            int memoryGiB;
            int pm;
            Integer numa;
            if (index < 0) {
                DvampInitialVm vm = instance.initialVms().get(-index - 1);
                cpuCores = vm.cpuCores();
                memoryGiB = vm.memoryGiB();
                pm = vm.pm();
                numa = vm.numa();
            } else {
                DvampVm vm = instance.vms().get(index);
                cpuCores = vm.cpuCores();
                memoryGiB = vm.memoryGiB();
                pm = placements.get(index).pm();
                numa = placements.get(index).numa();
            }
            boolean isDouble = instance.isDouble(memoryGiB);
            int cpuHalf = isDouble ? cpuCores : 2 * cpuCores;
            int memHalf = isDouble ? memoryGiB : 2 * memoryGiB;
            int first = isDouble ? 2 * pm : 2 * pm + numa;
            int last = isDouble ? first + 1 : first;
            int sign = event[1] == 1 ? 1 : -1;
            for (int node = first; node <= last; node++) {
                cpu[node] += sign * cpuHalf;
                mem[node] += sign * memHalf;
                if (sign > 0 && index >= 0 && !reported[node] && (cpu[node] > cpuCap || mem[node] > memCap)) {
                    reported[node] = true;
                    String what = cpu[node] > cpuCap ? "cpu " + cpu[node] + " > " + cpuCap
                            : "memory " + mem[node] + " > " + memCap;
                    violations.add(new Violation("O3", "$.placements[" + index + "]", "pm" + pm + "/numa"
                            + (node % 2) + " " + what + " half-units at t=" + event[0]));
                }
            }
        }
    }

    /** An online run must be exactly what the simulator does with the same actions. */
    private static void checkReplay(DvampInstance instance, DvampSolution solution, List<Violation> violations) {
        List<DvampPlacement> placements = solution.placements();
        int[] actions = placements.stream().mapToInt(DvampPlacement::action).toArray();
        DvampPolicy replay = new DvampPolicy() {
            @Override
            public String name() {
                return "replay";
            }

            @Override
            public int choose(DvampState state, int vm) {
                return vm < actions.length ? actions[vm] : -1;
            }
        };
        DvampRun run;
        try {
            run = DvampSimulator.run(instance, replay, 0, DvampObserver.NONE);
        } catch (IllegalStateException e) {
            violations.add(new Violation("S4", "$.placements", e.getMessage()));
            return;
        }
        if (run.placedCount() != placements.size()) {
            violations.add(new Violation("S6", "$.placements", placements.size() + " placements, the simulator places "
                    + run.placedCount() + " with these actions"));
        }
        for (int j = 0; j < Math.min(run.placedCount(), placements.size()); j++) {
            if (run.startSeconds()[j] != placements.get(j).startSeconds()) {
                violations.add(new Violation("S7", "$.placements[" + j + "].startSeconds",
                        placements.get(j).startSeconds() + ", simulator gives " + run.startSeconds()[j]
                                + " (not work-conserving)"));
                break;
            }
        }
        if (instance.semantics() == DvampSemantics.VMAGENT) {
            String failed = run.failedVm() < 0 ? null : instance.vms().get(run.failedVm()).id();
            if (!java.util.Objects.equals(failed, solution.failedVmId())) {
                violations.add(new Violation("V2", "$.failedVmId", "\"" + solution.failedVmId()
                        + "\", simulator gives " + (failed == null ? "null" : "\"" + failed + "\"")));
            }
        }
    }
}
