package io.cloudopt.model.workflow;

/**
 * {@code bestfit}: the GATES bestFit feature used as a rule, reproduced literally with its unit
 * quirks (problems/workflow.md §9): an existing VM's relative remaining lease minus an absolute
 * estimated finish, a lateness term in seconds, not hours; the candidate with the minimum cost
 * (exact double equality), ties to the lowest index. A parity reference, not a strong baseline.
 */
public final class WorkflowBestFitPolicy implements WorkflowPolicy {
    @Override
    public String name() {
        return "bestfit";
    }

    @Override
    public int choose(WorkflowSimulator.Decision d) {
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int candidate = 0; candidate < d.candidateCount(); candidate++) {
            if (candidate < d.vmCount() && d.masked(candidate)) {
                continue;
            }
            double cost = score(d, candidate);
            if (cost < bestCost) {
                bestCost = cost;
                best = candidate;
            }
        }
        return best;
    }

    /** The bestFit feature of one (unmasked) candidate: extra VM cost plus the quirky lateness term. */
    static double score(WorkflowSimulator.Decision d, int candidate) {
        double now = d.now();
        double subDeadline = d.subDeadline();
        double beta = d.penalty().usdPerLateHour();
        double cost = extraCost(d, candidate);
        if (candidate < d.vmCount()) {
            double exec = d.work() / d.vmVcpus(candidate);
            double estimatedFinish = exec + (d.vmBusyUntil(candidate) + d.vmQueuedWork(candidate));
            if (!(estimatedFinish + now < subDeadline)) {
                cost += d.penalty().usdPerLateWorkflow() + beta * (exec + now - subDeadline);
            }
        } else {
            double exec = d.work() / d.typeVcpus(candidate - d.vmCount());
            if (!(exec + now < subDeadline)) {
                cost += d.penalty().usdPerLateWorkflow() + beta * (exec + now - subDeadline);
            }
        }
        return cost;
    }

    /** The bestFit feature's VM part: (0.096/2)·c·h with its h of extra (or new) periods. */
    static double extraCost(WorkflowSimulator.Decision d, int candidate) {
        double perVcpu = d.usdPerVcpuHour();
        double period = d.billingPeriodSeconds();
        if (candidate < d.vmCount()) {
            double exec = d.work() / d.vmVcpus(candidate);
            double estimatedFinish = exec + (d.vmBusyUntil(candidate) + d.vmQueuedWork(candidate));
            double slack = WorkflowSimulator.roundNumpy(d.vmRemaining(candidate) - estimatedFinish, 5);
            int hours = slack > 0 ? 0 : (int) Math.ceil(-slack / period);
            return perVcpu * d.vmVcpus(candidate) * hours;
        }
        int k = candidate - d.vmCount();
        double exec = d.work() / d.typeVcpus(k);
        int hours = (int) Math.ceil(exec / period);
        return perVcpu * d.typeVcpus(k) * hours;
    }
}
