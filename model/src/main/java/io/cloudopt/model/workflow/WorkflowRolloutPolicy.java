package io.cloudopt.model.workflow;

/**
 * {@code rollout}, the expert of problems/workflow.md §9: for each candidate, fork the simulator,
 * apply the candidate, finish the episode with the base policy (default {@code prolis}) and record
 * its total as q; pick the minimum q, ties to the lowest index. Deterministic. The q values of the
 * last decision stay readable for labels (NaN for the masked VM).
 */
public final class WorkflowRolloutPolicy implements WorkflowPolicy {
    public static final String DEFAULT_BASE = "prolis";

    private final String base;
    private double[] lastQ = new double[0];

    public WorkflowRolloutPolicy() {
        this(DEFAULT_BASE);
    }

    public WorkflowRolloutPolicy(String base) {
        WorkflowPolicies.create(base);
        this.base = base;
    }

    @Override
    public String name() {
        return "rollout";
    }

    public String base() {
        return base;
    }

    @Override
    public int choose(WorkflowSimulator.Decision d) {
        double[] q = new double[d.candidateCount()];
        int best = -1;
        for (int candidate = 0; candidate < q.length; candidate++) {
            if (candidate < d.vmCount() && d.masked(candidate)) {
                q[candidate] = Double.NaN;
                continue;
            }
            q[candidate] = rollout(d, candidate);
            if (best < 0 || q[candidate] < q[best]) {
                best = candidate;
            }
        }
        lastQ = q;
        return best;
    }

    /** The total of the episode: {@code candidate} now, the base policy afterwards. */
    double rollout(WorkflowSimulator.Decision d, int candidate) {
        WorkflowSimulator simulator = d.fork();
        WorkflowPolicy policy = WorkflowPolicies.create(base);
        boolean more = simulator.apply(candidate);
        while (more) {
            more = simulator.apply(policy.choose(simulator.decision()));
        }
        return simulator.outcome().totalCost();
    }

    /** q per candidate index at the last decision (NaN for a masked VM). */
    public double[] lastQ() {
        return lastQ.clone();
    }
}
