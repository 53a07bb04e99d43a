package io.cloudopt.model.workflow;

/**
 * {@code bestfit-fixed}: the rule of {@link WorkflowBestFitPolicy} with its unit errors corrected
 * (problems/workflow.md §9): the estimated finish max(now, busyUntil) + queued work + exec is an
 * absolute time compared with the absolute lease end and the sub-deadline; the lateness term is
 * in hours and includes the queue wait. Minimum cost, ties to the lowest index.
 */
public final class WorkflowBestFitFixedPolicy implements WorkflowPolicy {
    @Override
    public String name() {
        return "bestfit-fixed";
    }

    @Override
    public int choose(WorkflowSimulator.Decision d) {
        double now = d.now();
        double period = d.billingPeriodSeconds();
        double subDeadline = d.subDeadline();
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int candidate = 0; candidate < d.candidateCount(); candidate++) {
            double finish;
            double cost;
            if (candidate < d.vmCount()) {
                if (d.masked(candidate)) {
                    continue;
                }
                finish = Math.max(now, d.vmBusyUntil(candidate)) + d.vmQueuedWork(candidate)
                        + d.work() / d.vmVcpus(candidate);
                double beyondLease = finish - d.vmLeaseEnd(candidate);
                long hours = beyondLease > WorkflowSimulator.EPS ? (long) Math.ceil(beyondLease / period) : 0;
                cost = d.typeUsdPerHour(d.vmType(candidate)) * hours;
            } else {
                int type = candidate - d.vmCount();
                double exec = d.work() / d.typeVcpus(type);
                finish = now + exec;
                cost = d.typeUsdPerHour(type) * Math.ceil(exec / period);
            }
            if (finish > subDeadline) {
                cost += d.penalty().usdPerLateWorkflow() + d.penalty().usdPerLateHour() * (finish - subDeadline) / 3600;
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = candidate;
            }
        }
        return best;
    }
}
