package io.cloudopt.solvers.workflow;

import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowGraph;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowSolution;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline list schedules used as incumbents of the exact models: for every pool of at most
 * {@link #MAX_POOL} VMs (a multiset of types), tasks in order of (arrival, −upward rank) go to the
 * VM of the pool where they finish first, ties to the lowest VM; leases start at a VM's first task
 * and bill the fewest whole periods. Cheap, and on single workflows often near the optimum, since
 * the optimum trades a few VMs' hours against lateness.
 */
public final class WorkflowListSchedules {
    static final int MAX_POOL = 4;

    private WorkflowListSchedules() {
    }

    public static List<WorkflowSolution> all(WorkflowInstance instance) {
        List<WorkflowSolution> schedules = new ArrayList<>();
        int types = instance.vmTypes().size();
        pools(instance, new int[MAX_POOL], 0, 0, types, schedules);
        return schedules;
    }

    private static void pools(WorkflowInstance instance, int[] pool, int size, int from, int types,
                              List<WorkflowSolution> schedules) {
        if (size > 0) {
            schedules.add(schedule(instance, java.util.Arrays.copyOf(pool, size)));
        }
        if (size == pool.length) {
            return;
        }
        for (int k = from; k < types; k++) {
            pool[size] = k;
            pools(instance, pool, size + 1, k, types, schedules);
        }
    }

    static WorkflowSolution schedule(WorkflowInstance instance, int[] pool) {
        List<Workflow> workflows = instance.workflows();
        List<double[]> keys = new ArrayList<>();
        List<WorkflowGraph> graphs = new ArrayList<>();
        for (int w = 0; w < workflows.size(); w++) {
            WorkflowGraph graph = WorkflowGraph.of(instance, workflows.get(w));
            graphs.add(graph);
            for (int j = 0; j < graph.size(); j++) {
                keys.add(new double[] {workflows.get(w).arrivalSeconds(), -graph.upwardRank(j), w, j});
            }
        }
        // Descending upward rank puts parents before children (rank(parent) > rank(child)).
        keys.sort((a, b) -> {
            for (int i = 0; i < a.length; i++) {
                int c = Double.compare(a[i], b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        double[] free = new double[pool.length];
        double[] first = new double[pool.length];
        boolean[] used = new boolean[pool.length];
        double[][] finish = new double[workflows.size()][];
        for (int w = 0; w < workflows.size(); w++) {
            finish[w] = new double[graphs.get(w).size()];
        }
        List<WorkflowSolution.Assignment> assignments = new ArrayList<>();
        for (double[] key : keys) {
            int w = (int) key[2];
            int j = (int) key[3];
            WorkflowGraph graph = graphs.get(w);
            double ready = workflows.get(w).arrivalSeconds();
            for (int parent : graph.parents(j)) {
                ready = Math.max(ready, finish[w][parent]);
            }
            int best = -1;
            double bestFinish = Double.POSITIVE_INFINITY;
            for (int v = 0; v < pool.length; v++) {
                double begin = used[v] ? Math.max(ready, free[v]) : ready;
                double end = begin + graph.work(j) / instance.vmTypes().get(pool[v]).vcpus();
                if (end < bestFinish) {
                    best = v;
                    bestFinish = end;
                }
            }
            double begin = used[best] ? Math.max(ready, free[best]) : ready;
            if (!used[best]) {
                used[best] = true;
                first[best] = begin;
            }
            free[best] = bestFinish;
            finish[w][j] = bestFinish;
            assignments.add(new WorkflowSolution.Assignment(workflows.get(w).id(), workflows.get(w).tasks().get(j).id(),
                    "vm" + best, begin, bestFinish));
        }
        List<WorkflowSolution.Lease> leases = new ArrayList<>();
        for (int v = 0; v < pool.length; v++) {
            if (used[v]) {
                double period = instance.vmTypes().get(pool[v]).billingPeriodSeconds();
                leases.add(new WorkflowSolution.Lease("vm" + v, instance.vmTypes().get(pool[v]).name(), first[v],
                        WorkflowOfflineData.billedPeriods(first[v], free[v], period)));
            }
        }
        return new WorkflowSolution(WorkflowSolution.OFFLINE, "list-schedule", leases, assignments);
    }
}
