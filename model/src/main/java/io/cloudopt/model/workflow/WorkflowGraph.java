package io.cloudopt.model.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One workflow's DAG on primitive arrays, with the quantities the simulator and the policies need,
 * computed with the exact floating-point operations of the original code (problems/workflow.md P8,
 * P9): work p_j = r_j × referenceVcpus, the node-weighted longest path summed in path order, and the
 * upward ranks Σ p/v_max along paths.
 */
public final class WorkflowGraph {
    final int size;
    final double[] work;
    final int[][] parents;
    final int[][] children;
    final int[] roots;
    final boolean[] exit;
    final double criticalPathWork;
    final double[] upwardRank;
    final double maxUpwardRank;
    final double fastestVcpus;
    final double totalWork;

    private WorkflowGraph(Workflow workflow, int referenceVcpus, double fastestVcpus) {
        List<WorkflowTask> tasks = workflow.tasks();
        size = tasks.size();
        this.fastestVcpus = fastestVcpus;
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < size; j++) {
            index.put(tasks.get(j).id(), j);
        }
        work = new double[size];
        parents = new int[size][];
        List<List<Integer>> kids = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            kids.add(new ArrayList<>());
        }
        double total = 0;
        for (int j = 0; j < size; j++) {
            WorkflowTask task = tasks.get(j);
            work[j] = task.referenceRuntimeSeconds() * referenceVcpus;
            total += work[j];
            parents[j] = task.parents().stream().mapToInt(index::get).toArray();
        }
        totalWork = total;
        // Children in task-list order (= the DAX's edge-insertion order for its files).
        for (int j = 0; j < size; j++) {
            for (int parent : parents[j]) {
                kids.get(parent).add(j);
            }
        }
        children = new int[size][];
        exit = new boolean[size];
        List<Integer> rootList = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            children[j] = kids.get(j).stream().mapToInt(Integer::intValue).toArray();
            exit[j] = children[j].length == 0;
            if (parents[j].length == 0) {
                rootList.add(j);
            }
        }
        roots = rootList.stream().mapToInt(Integer::intValue).toArray();
        int[] order = topologicalOrder();
        criticalPathWork = longestPath(order);
        upwardRank = upwardRanks(order);
        double max = 0;
        for (double rank : upwardRank) {
            max = Math.max(max, rank);
        }
        maxUpwardRank = max;
    }

    /** The graph of an instance's workflow (the instance must be valid: ids resolve, no cycle). */
    public static WorkflowGraph of(WorkflowInstance instance, Workflow workflow) {
        int fastest = instance.vmTypes().get(instance.vmTypes().size() - 1).vcpus();
        return new WorkflowGraph(workflow, instance.referenceVcpus(), fastest);
    }

    public int size() {
        return size;
    }

    /** p_j in vCPU·s. */
    public double work(int task) {
        return work[task];
    }

    public int[] parents(int task) {
        return parents[task].clone();
    }

    public int[] children(int task) {
        return children[task].clone();
    }

    public int[] roots() {
        return roots.clone();
    }

    public boolean isExit(int task) {
        return exit[task];
    }

    /** CP_w: the node-weighted longest path of p, summed in path order from a root. */
    public double criticalPathWork() {
        return criticalPathWork;
    }

    public double totalWork() {
        return totalWork;
    }

    /** rank_u(j): the largest Σ p/v_max over paths from j to an exit task, summed from j. */
    public double upwardRank(int task) {
        return upwardRank[task];
    }

    /** R = max_j rank_u(j). */
    public double maxUpwardRank() {
        return maxUpwardRank;
    }

    /**
     * The ProLiS sub-deadline offset of rule 11: Drel·(R − rank_u(j) + p_j/v_max)/R, evaluated in
     * the original's order; add the workflow's first decision time for subD(j).
     */
    public double subDeadlineOffset(int task, double relativeDeadline) {
        return relativeDeadline * (maxUpwardRank - upwardRank[task] + work[task] / fastestVcpus) / maxUpwardRank;
    }

    private int[] topologicalOrder() {
        int[] indegree = new int[size];
        for (int j = 0; j < size; j++) {
            indegree[j] = parents[j].length;
        }
        int[] order = new int[size];
        int head = 0;
        int tail = 0;
        for (int j = 0; j < size; j++) {
            if (indegree[j] == 0) {
                order[tail++] = j;
            }
        }
        while (head < tail) {
            int j = order[head++];
            for (int child : children[j]) {
                if (--indegree[child] == 0) {
                    order[tail++] = child;
                }
            }
        }
        if (tail != size) {
            throw new IllegalStateException("Workflow graph has a cycle; validate the instance first");
        }
        return order;
    }

    /**
     * max over root-to-exit paths of ((0 + p_a) + p_b) + …: a prefix maximum is exact, since
     * floating-point addition of the same term is monotone in the prefix.
     */
    private double longestPath(int[] order) {
        double[] best = new double[size];
        double longest = 0;
        for (int j : order) {
            double prefix = parents[j].length == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
            for (int parent : parents[j]) {
                prefix = Math.max(prefix, best[parent]);
            }
            best[j] = prefix + work[j];
            if (exit[j]) {
                longest = Math.max(longest, best[j]);
            }
        }
        return longest;
    }

    /** For each task, the same prefix maximum over paths starting at it, with terms p/v_max. */
    private double[] upwardRanks(int[] order) {
        double[] ranks = new double[size];
        double[] best = new double[size];
        int[] position = new int[size];
        for (int i = 0; i < size; i++) {
            position[order[i]] = i;
        }
        for (int source = 0; source < size; source++) {
            if (exit[source]) {
                ranks[source] = work[source] / fastestVcpus;
                continue;
            }
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
            best[source] = 0.0 + work[source] / fastestVcpus;
            double rank = 0;
            for (int i = position[source]; i < size; i++) {
                int j = order[i];
                if (best[j] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                if (exit[j]) {
                    rank = Math.max(rank, best[j]);
                }
                for (int child : children[j]) {
                    best[child] = Math.max(best[child], best[j] + work[child] / fastestVcpus);
                }
            }
            ranks[source] = rank;
        }
        return ranks;
    }
}
