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
        double now = d.now();
        double subDeadline = d.subDeadline();
        double beta = d.penalty().usdPerLateHour();
        double perVcpu = d.usdPerVcpuHour();
        double period = d.billingPeriodSeconds();
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int v = 0; v < d.vmCount(); v++) {
            if (d.masked(v)) {
                continue;
            }
            double exec = d.work() / d.vmVcpus(v);
            double estimatedFinish = exec + (d.vmBusyUntil(v) + d.vmQueuedWork(v));
            double slack = WorkflowSimulator.roundNumpy(d.vmRemaining(v) - estimatedFinish, 5);
            int hours = slack > 0 ? 0 : (int) Math.ceil(-slack / period);
            double cost = perVcpu * d.vmVcpus(v) * hours;
            if (!(estimatedFinish + now < subDeadline)) {
                cost += d.penalty().usdPerLateWorkflow() + beta * (exec + now - subDeadline);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = v;
            }
        }
        for (int k = 0; k < d.typeCount(); k++) {
            double exec = d.work() / d.typeVcpus(k);
            int hours = (int) Math.ceil(exec / period);
            double cost = perVcpu * d.typeVcpus(k) * hours;
            if (!(exec + now < subDeadline)) {
                cost += d.penalty().usdPerLateWorkflow() + beta * (exec + now - subDeadline);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = d.vmCount() + k;
            }
        }
        return best;
    }
}
