package io.cloudopt.model.workflow;

/**
 * {@code reuse-first}: the lowest-index existing VM that finishes the task by its sub-deadline
 * within its paid lease; else the new type with the fewest vCPUs that meets the sub-deadline;
 * else a new VM of the fastest type (problems/workflow.md §9).
 */
public final class WorkflowReuseFirstPolicy implements WorkflowPolicy {
    @Override
    public String name() {
        return "reuse-first";
    }

    @Override
    public int choose(WorkflowSimulator.Decision d) {
        double period = d.billingPeriodSeconds();
        for (int v = 0; v < d.vmCount(); v++) {
            if (d.masked(v)) {
                continue;
            }
            double exec = d.work() / d.vmVcpus(v);
            double finish = Math.max(d.now(), d.vmBusyUntil(v)) + d.vmQueuedWork(v) + exec;
            long hours = Math.max(0, (long) Math.ceil((finish - d.vmLeaseEnd(v) - 1e-5) / period));
            if (finish <= d.subDeadline() && hours == 0) {
                return v;
            }
        }
        for (int type = 0; type < d.typeCount(); type++) {
            if (d.now() + d.work() / d.typeVcpus(type) <= d.subDeadline()) {
                return d.vmCount() + type;
            }
        }
        return d.vmCount() + d.typeCount() - 1;
    }
}
