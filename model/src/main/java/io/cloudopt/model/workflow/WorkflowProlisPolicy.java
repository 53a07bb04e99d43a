package io.cloudopt.model.workflow;

/**
 * {@code prolis}: the ProLiS VM rule online (problems/workflow.md §9). Existing VM: finish =
 * max(now, busyUntil) + queued work + exec, extra periods max(0, ⌈(finish − leaseEnd − 1e-5)/H⌉);
 * new type: finish = now + exec, max(1, ⌈(exec − 1e-5)/H⌉) periods. Among candidates meeting the
 * task's sub-deadline: cheapest, then earliest finish; if none meets it: earliest finish, then
 * cheapest; ties to the lowest index.
 */
public final class WorkflowProlisPolicy implements WorkflowPolicy {
    @Override
    public String name() {
        return "prolis";
    }

    @Override
    public int choose(WorkflowSimulator.Decision d) {
        int best = -1;
        boolean bestMeets = false;
        double bestCost = 0;
        double bestFinish = 0;
        double period = d.billingPeriodSeconds();
        for (int candidate = 0; candidate < d.candidateCount(); candidate++) {
            double finish;
            double cost;
            if (candidate < d.vmCount()) {
                if (d.masked(candidate)) {
                    continue;
                }
                double exec = d.work() / d.vmVcpus(candidate);
                finish = Math.max(d.now(), d.vmBusyUntil(candidate)) + d.vmQueuedWork(candidate) + exec;
                long hours = Math.max(0, (long) Math.ceil((finish - d.vmLeaseEnd(candidate) - 1e-5) / period));
                cost = d.typeUsdPerHour(d.vmType(candidate)) * hours;
            } else {
                int type = candidate - d.vmCount();
                double exec = d.work() / d.typeVcpus(type);
                finish = d.now() + exec;
                long hours = Math.max(1, (long) Math.ceil((exec - 1e-5) / period));
                cost = d.typeUsdPerHour(type) * hours;
            }
            boolean meets = finish <= d.subDeadline();
            boolean better;
            if (best < 0) {
                better = true;
            } else if (meets != bestMeets) {
                better = meets;
            } else if (meets) {
                better = cost < bestCost || cost == bestCost && finish < bestFinish;
            } else {
                better = finish < bestFinish || finish == bestFinish && cost < bestCost;
            }
            if (better) {
                best = candidate;
                bestMeets = meets;
                bestCost = cost;
                bestFinish = finish;
            }
        }
        return best;
    }
}
