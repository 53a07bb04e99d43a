package io.cloudopt.solvers.workflow;

import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowSolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hindsight optimum of a tiny instance by enumeration, written without the models: every
 * partition of the tasks into VMs, every type per VM, every order per VM and every number of
 * billed hours per VM. For fixed choices the constraints are difference constraints (release,
 * precedence, VM order, span ≤ hours·H); their least solution, found by relaxation, is pointwise
 * earliest, and since the penalty only grows with finish times it is the cheapest timing. Hours
 * beyond those the unconstrained earliest schedule needs never help. Costs come from the
 * evaluator of the schedule built.
 */
final class WorkflowBruteForce {
    private final WorkflowInstance instance;
    private final int n;
    private final int[] workflowOf;
    private final String[] taskId;
    private final double[] work;
    private final int[][] parents;
    private final double[] release;
    private double best = Double.POSITIVE_INFINITY;
    private WorkflowSolution bestSolution;

    private WorkflowBruteForce(WorkflowInstance instance) {
        this.instance = instance;
        List<Integer> wf = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Double> works = new ArrayList<>();
        List<int[]> pars = new ArrayList<>();
        List<Double> releases = new ArrayList<>();
        for (int w = 0; w < instance.workflows().size(); w++) {
            Workflow workflow = instance.workflows().get(w);
            int offset = ids.size();
            Map<String, Integer> local = new HashMap<>();
            for (int j = 0; j < workflow.tasks().size(); j++) {
                local.put(workflow.tasks().get(j).id(), offset + j);
            }
            for (var task : workflow.tasks()) {
                wf.add(w);
                ids.add(task.id());
                works.add(task.referenceRuntimeSeconds() * instance.referenceVcpus());
                pars.add(task.parents().stream().mapToInt(local::get).toArray());
                releases.add(workflow.arrivalSeconds());
            }
        }
        n = ids.size();
        workflowOf = wf.stream().mapToInt(Integer::intValue).toArray();
        taskId = ids.toArray(String[]::new);
        work = works.stream().mapToDouble(Double::doubleValue).toArray();
        parents = pars.toArray(int[][]::new);
        release = releases.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The optimal total cost and one optimal schedule. */
    static WorkflowSolution solve(WorkflowInstance instance) {
        WorkflowBruteForce search = new WorkflowBruteForce(instance);
        search.partition(0, new ArrayList<>());
        return search.bestSolution;
    }

    private void partition(int task, List<List<Integer>> blocks) {
        if (task == n) {
            types(0, blocks, new int[blocks.size()]);
            return;
        }
        int existing = blocks.size();
        for (int b = 0; b < existing; b++) {
            List<Integer> block = blocks.get(b);
            block.add(task);
            partition(task + 1, blocks);
            block.remove(block.size() - 1);
        }
        List<Integer> fresh = new ArrayList<>();
        fresh.add(task);
        blocks.add(fresh);
        partition(task + 1, blocks);
        blocks.remove(blocks.size() - 1);
    }

    private void types(int block, List<List<Integer>> blocks, int[] typeOf) {
        if (block == blocks.size()) {
            orders(0, blocks, typeOf, new int[blocks.size()][]);
            return;
        }
        for (int k = 0; k < instance.vmTypes().size(); k++) {
            typeOf[block] = k;
            types(block + 1, blocks, typeOf);
        }
    }

    private void orders(int block, List<List<Integer>> blocks, int[] typeOf, int[][] order) {
        if (block == blocks.size()) {
            hours(blocks, typeOf, order);
            return;
        }
        for (int[] permutation : permutations(blocks.get(block).stream().mapToInt(Integer::intValue).toArray())) {
            order[block] = permutation;
            orders(block + 1, blocks, typeOf, order);
        }
    }

    private void hours(List<List<Integer>> blocks, int[] typeOf, int[][] order) {
        int b = blocks.size();
        int[] unlimited = new int[b];
        Arrays.fill(unlimited, Integer.MAX_VALUE);
        double[] earliest = earliest(typeOf, order, unlimited);
        if (earliest == null) {
            return;
        }
        int[] most = new int[b];
        for (int v = 0; v < b; v++) {
            double period = instance.vmTypes().get(typeOf[v]).billingPeriodSeconds();
            int[] seq = order[v];
            int last = seq[seq.length - 1];
            double span = earliest[last] + duration(last, typeOf[v]) - earliest[seq[0]];
            most[v] = Math.max(1, (int) Math.ceil(span / period));
        }
        int[] hours = new int[b];
        Arrays.fill(hours, 1);
        while (true) {
            double[] start = earliest(typeOf, order, hours);
            if (start != null) {
                consider(typeOf, order, hours, start);
            }
            int v = 0;
            while (v < b && hours[v] == most[v]) {
                hours[v] = 1;
                v++;
            }
            if (v == b) {
                return;
            }
            hours[v]++;
        }
    }

    private double duration(int task, int type) {
        return work[task] / instance.vmTypes().get(type).vcpus();
    }

    /** The least solution of the difference constraints, or null when they are infeasible. */
    private double[] earliest(int[] typeOf, int[][] order, int[] hours) {
        double[] start = release.clone();
        for (int round = 0; round <= 2 * n + 2; round++) {
            boolean changed = false;
            for (int j = 0; j < n; j++) {
                for (int parent : parents[j]) {
                    double ready = start[parent] + duration(parent, typeOfTask(parent, typeOf, order));
                    if (start[j] < ready) {
                        start[j] = ready;
                        changed = true;
                    }
                }
            }
            for (int v = 0; v < order.length; v++) {
                int[] seq = order[v];
                for (int i = 1; i < seq.length; i++) {
                    double free = start[seq[i - 1]] + duration(seq[i - 1], typeOf[v]);
                    if (start[seq[i]] < free) {
                        start[seq[i]] = free;
                        changed = true;
                    }
                }
                if (hours[v] != Integer.MAX_VALUE) {
                    int last = seq[seq.length - 1];
                    double leaseFrom = start[last] + duration(last, typeOf[v])
                            - hours[v] * instance.vmTypes().get(typeOf[v]).billingPeriodSeconds();
                    if (start[seq[0]] < leaseFrom) {
                        start[seq[0]] = leaseFrom;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return start;
            }
        }
        return null;
    }

    private int typeOfTask(int task, int[] typeOf, int[][] order) {
        for (int v = 0; v < order.length; v++) {
            for (int j : order[v]) {
                if (j == task) {
                    return typeOf[v];
                }
            }
        }
        throw new IllegalStateException("task " + task + " has no VM");
    }

    private void consider(int[] typeOf, int[][] order, int[] hours, double[] start) {
        List<WorkflowSolution.Lease> leases = new ArrayList<>();
        String[] vmOf = new String[n];
        for (int v = 0; v < order.length; v++) {
            leases.add(new WorkflowSolution.Lease("vm" + v, instance.vmTypes().get(typeOf[v]).name(), start[order[v][0]],
                    hours[v]));
            for (int j : order[v]) {
                vmOf[j] = "vm" + v;
            }
        }
        List<WorkflowSolution.Assignment> assignments = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            int type = typeOfTask(j, typeOf, order);
            assignments.add(new WorkflowSolution.Assignment(instance.workflows().get(workflowOf[j]).id(), taskId[j],
                    vmOf[j], start[j], start[j] + duration(j, type)));
        }
        WorkflowSolution solution = new WorkflowSolution(WorkflowSolution.OFFLINE, "brute-force", leases, assignments);
        double total = WorkflowEvaluator.objective(instance, solution);
        if (total < best) {
            best = total;
            bestSolution = solution;
        }
    }

    private static List<int[]> permutations(int[] items) {
        List<int[]> all = new ArrayList<>();
        permute(items.clone(), 0, all);
        return all;
    }

    private static void permute(int[] items, int from, List<int[]> all) {
        if (from == items.length) {
            all.add(items.clone());
            return;
        }
        for (int i = from; i < items.length; i++) {
            int swap = items[from];
            items[from] = items[i];
            items[i] = swap;
            permute(items, from + 1, all);
            items[i] = items[from];
            items[from] = swap;
        }
    }
}
