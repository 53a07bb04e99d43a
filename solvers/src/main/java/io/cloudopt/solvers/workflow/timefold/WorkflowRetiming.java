package io.cloudopt.solvers.workflow.timefold;

import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowGraph;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowSimulator;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.model.workflow.WorkflowVmType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The exact re-time of a slot schedule (problems/workflow.md §8), on primitive arrays built once:
 * each slot runs its tasks in list order, a task starts at max(arrival, parents' finishes, the
 * previous task's finish on its slot) and finishes at start + p/c (exact doubles, as the verifier
 * computes them). Tasks are timed in a topological order of DAG ∪ slot-chain edges; tasks caught
 * in a cycle (a slot order contradicting precedence) are not timed and count as hard violations.
 */
final class WorkflowRetiming {
    /** Lease tolerance of the verifier (last finish ≤ lease end + 1e-5 s). */
    static final double LEASE_TOLERANCE_SECONDS = 1e-5;
    static final double MICRO = 1e6;

    final WorkflowInstance instance;
    final int taskCount;
    final int[] workflowOf;
    final int[] localIndex;
    final double[] work;
    final int[][] parents;
    final int[][] children;
    final double[] arrivalSeconds;
    final double[] thresholdSeconds;
    final int[] vcpus;
    final double[] periodSeconds;
    final long[] microUsdPerPeriod;
    final long microUsdPerLateWorkflow;
    final double microUsdPerLateSecond;

    WorkflowRetiming(WorkflowInstance instance) {
        this.instance = instance;
        List<Workflow> workflows = instance.workflows();
        int n = 0;
        for (Workflow workflow : workflows) {
            n += workflow.tasks().size();
        }
        taskCount = n;
        workflowOf = new int[n];
        localIndex = new int[n];
        work = new double[n];
        parents = new int[n][];
        children = new int[n][];
        arrivalSeconds = new double[workflows.size()];
        thresholdSeconds = new double[workflows.size()];
        int offset = 0;
        for (int w = 0; w < workflows.size(); w++) {
            WorkflowGraph graph = WorkflowGraph.of(instance, workflows.get(w));
            arrivalSeconds[w] = workflows.get(w).arrivalSeconds();
            thresholdSeconds[w] = WorkflowEvaluator.thresholdSeconds(instance, workflows.get(w));
            for (int i = 0; i < graph.size(); i++) {
                int j = offset + i;
                workflowOf[j] = w;
                localIndex[j] = i;
                work[j] = graph.work(i);
                int base = offset;
                parents[j] = Arrays.stream(graph.parents(i)).map(p -> base + p).toArray();
                children[j] = Arrays.stream(graph.children(i)).map(c -> base + c).toArray();
            }
            offset += graph.size();
        }
        int types = instance.vmTypes().size();
        vcpus = new int[types];
        periodSeconds = new double[types];
        microUsdPerPeriod = new long[types];
        for (int k = 0; k < types; k++) {
            WorkflowVmType type = instance.vmTypes().get(k);
            vcpus[k] = type.vcpus();
            periodSeconds[k] = type.billingPeriodSeconds();
            microUsdPerPeriod[k] = Math.round(type.usdPerHour() * MICRO);
        }
        microUsdPerLateWorkflow = Math.round(instance.penalty().usdPerLateWorkflow() * MICRO);
        microUsdPerLateSecond = instance.penalty().usdPerLateHour() * MICRO / 3600;
    }

    int typeCount() {
        return vcpus.length;
    }

    /** Start and finish of every task, and how many tasks a cycle kept from being timed. */
    record Timing(double[] startSeconds, double[] finishSeconds, int untimedTasks) {
    }

    /**
     * Times the tasks of {@code slotTasks[v]} (global task indices in run order) on slots of type
     * {@code slotType[v]}; every task must be on exactly one slot.
     */
    Timing retime(int[][] slotTasks, int[] slotType) {
        int[] slotOf = new int[taskCount];
        int[] previous = new int[taskCount];
        int[] next = new int[taskCount];
        int[] waiting = new int[taskCount];
        for (int v = 0; v < slotTasks.length; v++) {
            int before = -1;
            for (int j : slotTasks[v]) {
                slotOf[j] = v;
                previous[j] = before;
                next[j] = -1;
                if (before >= 0) {
                    next[before] = j;
                    waiting[j]++;
                }
                before = j;
            }
        }
        int[] queue = new int[taskCount];
        int tail = 0;
        for (int j = 0; j < taskCount; j++) {
            waiting[j] += parents[j].length;
            if (waiting[j] == 0) {
                queue[tail++] = j;
            }
        }
        double[] start = new double[taskCount];
        double[] finish = new double[taskCount];
        for (int head = 0; head < tail; head++) {
            int j = queue[head];
            double begin = arrivalSeconds[workflowOf[j]];
            for (int parent : parents[j]) {
                begin = Math.max(begin, finish[parent]);
            }
            if (previous[j] >= 0) {
                begin = Math.max(begin, finish[previous[j]]);
            }
            start[j] = begin;
            finish[j] = begin + work[j] / vcpus[slotType[slotOf[j]]];
            for (int child : children[j]) {
                if (--waiting[child] == 0) {
                    queue[tail++] = child;
                }
            }
            if (next[j] >= 0 && --waiting[next[j]] == 0) {
                queue[tail++] = next[j];
            }
        }
        return new Timing(start, finish, taskCount - tail);
    }

    /**
     * Hard −(untimed tasks), then −(VM cost + penalties) in micro-dollars, then a tie-breaker
     * −Σ_used slots π·(last finish − first start)/H in micro-dollars (the leases' busy spans, so that
     * the search compacts leases on the plateaus of hourly billing), as {hard, cost, span}.
     */
    long[] score(int[][] slotTasks, int[] slotType) {
        Timing timing = retime(slotTasks, slotType);
        if (timing.untimedTasks() > 0) {
            return new long[] {-timing.untimedTasks(), 0, 0};
        }
        long cost = 0;
        double span = 0;
        for (int v = 0; v < slotTasks.length; v++) {
            if (slotTasks[v].length > 0) {
                double first = timing.startSeconds()[slotTasks[v][0]];
                double last = lastFinish(timing, slotTasks[v]);
                int k = slotType[v];
                cost += microUsdPerPeriod[k] * billedPeriods(first, last, periodSeconds[k]);
                span += microUsdPerPeriod[k] * (last - first) / periodSeconds[k];
            }
        }
        double[] end = new double[arrivalSeconds.length];
        Arrays.fill(end, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < taskCount; j++) {
            end[workflowOf[j]] = Math.max(end[workflowOf[j]], timing.finishSeconds()[j]);
        }
        for (int w = 0; w < end.length; w++) {
            if (isLate(w, end[w])) {
                double lateness = end[w] - arrivalSeconds[w] - thresholdSeconds[w];
                cost += microUsdPerLateWorkflow + Math.round(microUsdPerLateSecond * lateness);
            }
        }
        return new long[] {0, -cost, -Math.round(span)};
    }

    /** The late test of rule 9: late unless resp < thr or round(resp − thr, 5) = 0. */
    private boolean isLate(int w, double finishSeconds) {
        double response = finishSeconds - arrivalSeconds[w];
        double threshold = thresholdSeconds[w];
        return !(response < threshold || WorkflowSimulator.roundNumpy(response - threshold, 5) == 0);
    }

    private static double lastFinish(Timing timing, int[] tasks) {
        double last = Double.NEGATIVE_INFINITY;
        for (int j : tasks) {
            last = Math.max(last, timing.finishSeconds()[j]);
        }
        return last;
    }

    /** The fewest whole periods n ≥ 1 with last ≤ first + n·H + 1e-5 (the verifier's lease rule). */
    static int billedPeriods(double first, double last, double period) {
        int periods = Math.max(1, (int) Math.ceil((last - first - LEASE_TOLERANCE_SECONDS) / period));
        while (last > first + period * periods + LEASE_TOLERANCE_SECONDS) {
            periods++;
        }
        while (periods > 1 && last <= first + period * (periods - 1) + LEASE_TOLERANCE_SECONDS) {
            periods--;
        }
        return periods;
    }

    /**
     * The offline solution of an acyclic slot schedule: one lease per used slot from its first
     * start, billing the fewest whole periods; VMs numbered by lease start, then slot.
     */
    WorkflowSolution solution(int[][] slotTasks, int[] slotType, String policy) {
        Timing timing = retime(slotTasks, slotType);
        if (timing.untimedTasks() > 0) {
            throw new IllegalStateException("The slot order of " + timing.untimedTasks()
                    + " tasks contradicts precedence, so the schedule has no timing.");
        }
        double[] first = new double[slotTasks.length];
        for (int v = 0; v < slotTasks.length; v++) {
            first[v] = slotTasks[v].length == 0 ? Double.NaN : timing.startSeconds()[slotTasks[v][0]];
        }
        Integer[] used = IntStream.range(0, slotTasks.length).filter(v -> slotTasks[v].length > 0).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(used, Comparator.<Integer>comparingDouble(v -> first[v]).thenComparingInt(v -> v));
        String[] vmOfSlot = new String[slotTasks.length];
        List<WorkflowSolution.Lease> leases = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            int v = used[i];
            vmOfSlot[v] = "vm" + i;
            int k = slotType[v];
            leases.add(new WorkflowSolution.Lease(vmOfSlot[v], instance.vmTypes().get(k).name(), first[v],
                    billedPeriods(first[v], lastFinish(timing, slotTasks[v]), periodSeconds[k])));
        }
        String[] vmOfTask = new String[taskCount];
        for (int v = 0; v < slotTasks.length; v++) {
            for (int j : slotTasks[v]) {
                vmOfTask[j] = vmOfSlot[v];
            }
        }
        List<WorkflowSolution.Assignment> assignments = new ArrayList<>();
        for (int j = 0; j < taskCount; j++) {
            Workflow workflow = instance.workflows().get(workflowOf[j]);
            assignments.add(new WorkflowSolution.Assignment(workflow.id(), workflow.tasks().get(localIndex[j]).id(),
                    vmOfTask[j], timing.startSeconds()[j], timing.finishSeconds()[j]));
        }
        return new WorkflowSolution(WorkflowSolution.OFFLINE, policy, leases, assignments);
    }
}
