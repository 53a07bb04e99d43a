package io.cloudopt.model.dvamp;

import java.util.List;

/**
 * The objectives of problems/dvamp.md §6, recomputed from a solution's placements only (a pure
 * function). Under {@code spane}: total wait WT (minimise), Σ rewards, max and mean wait. Under
 * {@code vmagent}: A, the VMs placed before the first failure (maximise), and the allocation rate
 * per resource at termination.
 */
public final class DvampEvaluator {
    private DvampEvaluator() {
    }

    /** What a solution achieves. */
    public record Evaluation(long totalWaitSeconds, double rewardSum, long maxWaitSeconds, double meanWaitSeconds,
                             int placedCount, double cpuAllocationRate, double memoryAllocationRate) {
    }

    /** The objective: WT under spane, A under vmagent. */
    public static double objective(DvampInstance instance, DvampSolution solution) {
        return instance.semantics() == DvampSemantics.SPANE
                ? totalWaitSeconds(instance, solution) : solution.placements().size();
    }

    /** WT = Σ (st_j − at_j) over the placements (VMs matched by position). */
    public static long totalWaitSeconds(DvampInstance instance, DvampSolution solution) {
        long total = 0;
        List<DvampPlacement> placements = solution.placements();
        for (int j = 0; j < placements.size() && j < instance.vms().size(); j++) {
            total += placements.get(j).startSeconds() - instance.vms().get(j).arrivalSeconds();
        }
        return total;
    }

    public static Evaluation evaluate(DvampInstance instance, DvampSolution solution) {
        List<DvampPlacement> placements = solution.placements();
        int count = Math.min(placements.size(), instance.vms().size());
        boolean spane = instance.semantics() == DvampSemantics.SPANE;
        long total = 0;
        long max = 0;
        double rewards = 0;
        for (int j = 0; j < count; j++) {
            long wait = placements.get(j).startSeconds() - instance.vms().get(j).arrivalSeconds();
            total += wait;
            max = Math.max(max, wait);
            rewards += spane ? -Math.log1p(wait) : 1.0;
        }
        double[] rates = allocationRates(instance, solution);
        return new Evaluation(total, rewards, max, count == 0 ? 0.0 : (double) total / count, count, rates[0],
                rates[1]);
    }

    /**
     * 1 − Σ R / (2m·Q) per resource at termination: the time of the failed VM's arrival, or the
     * last placement's start; VMs that ended by then are gone when departures are on.
     */
    static double[] allocationRates(DvampInstance instance, DvampSolution solution) {
        List<DvampPlacement> placements = solution.placements();
        int count = Math.min(placements.size(), instance.vms().size());
        if (count == 0) {
            return new double[] {0.0, 0.0};
        }
        long end = placements.get(count - 1).startSeconds();
        if (solution.failedVmId() != null) {
            for (DvampVm vm : instance.vms()) {
                if (vm.id().equals(solution.failedVmId())) {
                    end = vm.arrivalSeconds();
                    break;
                }
            }
        }
        long cpuUsed = 0;
        long memUsed = 0;
        for (int j = 0; j < count; j++) {
            DvampVm vm = instance.vms().get(j);
            long start = placements.get(j).startSeconds();
            boolean running = start <= end && (!instance.departures() || end < start + vm.lifetimeSeconds());
            if (running) {
                cpuUsed += 2L * vm.cpuCores();
                memUsed += 2L * vm.memoryGiB();
            }
        }
        for (DvampInitialVm vm : instance.initialVms()) {
            if (end < vm.endSeconds()) {
                cpuUsed += 2L * vm.cpuCores();
                memUsed += 2L * vm.memoryGiB();
            }
        }
        double nodes = 2.0 * instance.pmCount();
        return new double[] {cpuUsed / (nodes * 2 * instance.cpuCoresPerNuma()),
                memUsed / (nodes * 2 * instance.memoryGiBPerNuma())};
    }
}
