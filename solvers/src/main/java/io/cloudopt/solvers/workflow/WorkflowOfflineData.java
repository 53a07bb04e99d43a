package io.cloudopt.solvers.workflow;

import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowGraph;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowSimulator;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.model.workflow.WorkflowVmType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hindsight (offline) view of a workflow instance shared by the exact models of
 * problems/workflow.md §7: tasks numbered globally on primitive arrays, pre-typed VM slots with
 * their caps N_k, the best rule-based policy's schedule as incumbent, and time windows that some
 * optimal schedule respects.
 *
 * <p>Window validity. Let UB be the incumbent's total (a gates schedule is feasible offline with the
 * same cost, §7). Some optimal schedule S* costs at most UB, and in S*: (a) every task starts no
 * earlier than its workflow's arrival plus the longest chain of its ancestors run on the fastest
 * type ({@code earliestStartSeconds}); (b) a late workflow pays at least 1 + β·T/3600 ≤ UB, so its
 * lateness T ≤ (UB − 1)·3600/β, and none is late when UB < 1; every task then finishes by
 * D_w + T_max minus the longest chain of its descendants on the fastest type
 * ({@code latestFinishSeconds}); (c) a VM of type k costs at least π_k, so S* rents at most
 * ⌊UB/π_k⌋ VMs of type k, and never more than |J| (each rented VM runs a task). When β = 0 the
 * lateness is free and (b) uses a left-shift argument instead: pushing every task to its earliest
 * time given the VM order never raises a cost, so no task finishes after the last arrival plus the
 * serial time of all tasks on the slowest type.
 */
final class WorkflowOfflineData {
    /** Relative slack on the incumbent, so that rounding never cuts off an optimal schedule. */
    private static final double UB_SLACK = 1e-9;
    /** On-time tolerance of rule 9 (round(resp − thr, 5) = 0 up to 5e-6 s). */
    static final double ON_TIME_TOLERANCE_SECONDS = 5e-6;
    /** Lease tolerance of the verifier (last finish ≤ lease end + 1e-5 s). */
    static final double LEASE_TOLERANCE_SECONDS = 1e-5;

    final WorkflowInstance instance;
    final int taskCount;
    final int typeCount;
    /** Workflow of task j and its position in that workflow. */
    final int[] workflowOf;
    final int[] localIndex;
    /** p_j in vCPU·s. */
    final double[] work;
    final int[][] parents;
    final boolean[] exit;
    /** All tasks, parents before children. */
    final int[] topologicalOrder;
    /** a_w and D_w (absolute), and thr_w = D_w − a_w as the evaluator computes it. */
    final double[] arrivalSeconds;
    final double[] deadlineSeconds;
    final int[] vcpus;
    final double[] usdPerHour;
    final double[] periodSeconds;
    final double usdPerLateWorkflow;
    final double usdPerLateHour;
    /** Windows valid for some optimal schedule (class comment). */
    final double[] earliestStartSeconds;
    final double[] latestFinishSeconds;
    final double maxLatenessSeconds;
    final double horizonSeconds;
    /** Slots: type of slot v, slots grouped by type in ascending order. */
    final int[] slotType;
    final int[] slotsPerType;
    /** ⌊UB/π_k⌋ capped at |J|: enough slots of type k for some optimal schedule. */
    final int[] certifiedSlotsPerType;
    /** Whether every type has its certified number of slots, so the model's bound is a bound. */
    final boolean certified;
    final String incumbentPolicy;
    final double incumbentUsd;
    final WorkflowSolution incumbent;

    private WorkflowOfflineData(WorkflowInstance instance, Integer maxSlotsPerType, Incumbent better) {
        this.instance = instance;
        List<Workflow> workflows = instance.workflows();
        typeCount = instance.vmTypes().size();
        vcpus = new int[typeCount];
        usdPerHour = new double[typeCount];
        periodSeconds = new double[typeCount];
        for (int k = 0; k < typeCount; k++) {
            WorkflowVmType type = instance.vmTypes().get(k);
            vcpus[k] = type.vcpus();
            usdPerHour[k] = type.usdPerHour();
            periodSeconds[k] = type.billingPeriodSeconds();
        }
        usdPerLateWorkflow = instance.penalty().usdPerLateWorkflow();
        usdPerLateHour = instance.penalty().usdPerLateHour();
        int n = 0;
        for (Workflow workflow : workflows) {
            n += workflow.tasks().size();
        }
        taskCount = n;
        workflowOf = new int[n];
        localIndex = new int[n];
        work = new double[n];
        parents = new int[n][];
        exit = new boolean[n];
        arrivalSeconds = new double[workflows.size()];
        deadlineSeconds = new double[workflows.size()];
        WorkflowGraph[] graphs = new WorkflowGraph[workflows.size()];
        int offset = 0;
        for (int w = 0; w < workflows.size(); w++) {
            WorkflowGraph graph = WorkflowGraph.of(instance, workflows.get(w));
            graphs[w] = graph;
            arrivalSeconds[w] = workflows.get(w).arrivalSeconds();
            deadlineSeconds[w] = arrivalSeconds[w] + WorkflowEvaluator.thresholdSeconds(instance, workflows.get(w));
            for (int i = 0; i < graph.size(); i++) {
                int j = offset + i;
                workflowOf[j] = w;
                localIndex[j] = i;
                work[j] = graph.work(i);
                int[] local = graph.parents(i);
                parents[j] = new int[local.length];
                for (int p = 0; p < local.length; p++) {
                    parents[j][p] = offset + local[p];
                }
                exit[j] = graph.isExit(i);
            }
            offset += graph.size();
        }

        topologicalOrder = topologicalOrder();
        Incumbent best = bestPolicy(instance);
        if (better != null && better.totalUsd < best.totalUsd) {
            best = better;
        }
        incumbentPolicy = best.policy;
        incumbentUsd = best.totalUsd;
        incumbent = best.solution;
        double upper = incumbentUsd * (1 + UB_SLACK) + UB_SLACK;

        // Windows (class comment, (a) and (b)).
        int fastest = vcpus[typeCount - 1];
        int slowest = vcpus[0];
        earliestStartSeconds = new double[n];
        for (int j : topologicalOrder) {
            double start = arrivalSeconds[workflowOf[j]];
            for (int parent : parents[j]) {
                start = Math.max(start, earliestStartSeconds[parent] + work[parent] / fastest);
            }
            earliestStartSeconds[j] = start;
        }
        double[] tail = new double[n];
        for (int position = n - 1; position >= 0; position--) {
            int j = topologicalOrder[position];
            for (int parent : parents[j]) {
                tail[parent] = Math.max(tail[parent], tail[j] + work[j] / fastest);
            }
        }
        double serial = 0;
        double lastArrival = 0;
        for (int j = 0; j < n; j++) {
            serial += work[j] / slowest;
            lastArrival = Math.max(lastArrival, arrivalSeconds[workflowOf[j]]);
        }
        boolean latenessBounded = usdPerLateHour > 0;
        maxLatenessSeconds = !latenessBounded ? Double.POSITIVE_INFINITY
                : upper < usdPerLateWorkflow ? ON_TIME_TOLERANCE_SECONDS
                : (upper - usdPerLateWorkflow) * 3600 / usdPerLateHour + ON_TIME_TOLERANCE_SECONDS;
        latestFinishSeconds = new double[n];
        double horizon = 0;
        for (int j = 0; j < n; j++) {
            double finish = latenessBounded ? deadlineSeconds[workflowOf[j]] + maxLatenessSeconds - tail[j]
                    : lastArrival + serial;
            latestFinishSeconds[j] = Math.max(finish, earliestStartSeconds[j] + work[j] / fastest);
            horizon = Math.max(horizon, latestFinishSeconds[j]);
        }
        horizonSeconds = horizon;

        // Slots (class comment, (c)), then the optional cap.
        certifiedSlotsPerType = new int[typeCount];
        slotsPerType = new int[typeCount];
        boolean allCertified = true;
        List<Integer> types = new ArrayList<>();
        for (int k = 0; k < typeCount; k++) {
            long byCost = (long) Math.floor(upper / usdPerHour[k]);
            certifiedSlotsPerType[k] = (int) Math.max(0, Math.min(n, byCost));
            slotsPerType[k] = maxSlotsPerType == null ? certifiedSlotsPerType[k]
                    : Math.min(certifiedSlotsPerType[k], maxSlotsPerType);
            allCertified &= slotsPerType[k] == certifiedSlotsPerType[k];
            for (int i = 0; i < slotsPerType[k]; i++) {
                types.add(k);
            }
        }
        certified = allCertified;
        slotType = types.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] topologicalOrder() {
        int[][] children = childrenOf();
        int[] waiting = new int[taskCount];
        int[] order = new int[taskCount];
        int tail = 0;
        for (int j = 0; j < taskCount; j++) {
            waiting[j] = parents[j].length;
            if (waiting[j] == 0) {
                order[tail++] = j;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int child : children[order[head]]) {
                if (--waiting[child] == 0) {
                    order[tail++] = child;
                }
            }
        }
        return order;
    }

    /** The data with the certified slot counts, capped at {@code maxSlotsPerType} when not null. */
    static WorkflowOfflineData of(WorkflowInstance instance, Integer maxSlotsPerType) {
        return new WorkflowOfflineData(instance, maxSlotsPerType, null);
    }

    /** The same with {@code schedule} (a feasible offline schedule) as incumbent when it is cheaper. */
    static WorkflowOfflineData of(WorkflowInstance instance, Integer maxSlotsPerType, WorkflowSolution schedule) {
        Incumbent given = new Incumbent(schedule.policy(), WorkflowEvaluator.objective(instance, schedule), schedule);
        return new WorkflowOfflineData(instance, maxSlotsPerType, given);
    }

    int slotCount() {
        return slotType.length;
    }

    /**
     * The articulation tasks of workflow w in topological order: the tasks comparable (ancestor or
     * descendant) with every other task of w. They are totally ordered by precedence, and no other
     * task of w can run while one of them runs.
     */
    int[] articulations(int w) {
        List<Integer> tasks = new ArrayList<>();
        for (int j : topologicalOrder) {
            if (workflowOf[j] == w) {
                tasks.add(j);
            }
        }
        int size = tasks.size();
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < size; i++) {
            position.put(tasks.get(i), i);
        }
        java.util.BitSet[] above = new java.util.BitSet[size];
        for (int i = 0; i < size; i++) {
            above[i] = new java.util.BitSet(size);
            for (int parent : parents[tasks.get(i)]) {
                int q = position.get(parent);
                above[i].or(above[q]);
                above[i].set(q);
            }
        }
        int[] related = new int[size];
        for (int i = 0; i < size; i++) {
            related[i] += above[i].cardinality();
            for (int q = above[i].nextSetBit(0); q >= 0; q = above[i].nextSetBit(q + 1)) {
                related[q]++;
            }
        }
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (related[i] == size - 1) {
                result.add(tasks.get(i));
            }
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The phase of each task of workflow w between its articulation tasks (−1 for an articulation
     * task): the number of articulation tasks among its ancestors. A task of phase i descends from
     * articulation i − 1 (when i &gt; 0) and is an ancestor of articulation i (when it exists), so it
     * runs between the end of the one and the start of the other.
     */
    int[] phases(int w, int[] articulations) {
        int[] phase = new int[taskCount];
        Arrays.fill(phase, -1);
        boolean[] isArticulation = new boolean[taskCount];
        for (int a : articulations) {
            isArticulation[a] = true;
        }
        int[] passed = new int[taskCount];
        for (int j : topologicalOrder) {
            if (workflowOf[j] != w) {
                continue;
            }
            for (int parent : parents[j]) {
                passed[j] = Math.max(passed[j], passed[parent] + (isArticulation[parent] ? 1 : 0));
            }
            if (!isArticulation[j]) {
                phase[j] = passed[j];
            }
        }
        return phase;
    }


    int workflowCount() {
        return arrivalSeconds.length;
    }

    /** d_jk = p_j / c_k in seconds, as the verifier computes it. */
    double durationSeconds(int task, int type) {
        return work[task] / vcpus[type];
    }

    /** The first slot of type k. */
    int firstSlot(int type) {
        int first = 0;
        for (int k = 0; k < type; k++) {
            first += slotsPerType[k];
        }
        return first;
    }

    /** Readable names: task "w0_t3" (workflow position, task position), slot "k2_s5" (type, ordinal). */
    String taskName(int task) {
        return "w" + workflowOf[task] + "_t" + localIndex[task];
    }

    String slotName(int slot) {
        int k = slotType[slot];
        return "k" + k + "_s" + (slot - firstSlot(k));
    }

    /**
     * The incumbent's VM of each task as a slot: the VMs of a type take its slots in the order of
     * their lowest task number (the symmetry-breaking order of the models); −1 for a task whose VM
     * has no slot under the caps.
     */
    int[] incumbentSlots() {
        Map<String, Integer> typeIndex = new HashMap<>();
        for (int k = 0; k < typeCount; k++) {
            typeIndex.put(instance.vmTypes().get(k).name(), k);
        }
        Map<String, Integer> taskIndex = taskIndex();
        Map<String, Integer> lowestTask = new HashMap<>();
        for (WorkflowSolution.Assignment assignment : incumbent.assignments()) {
            lowestTask.merge(assignment.vm(), taskIndex.get(assignment.workflow() + "\u0000" + assignment.task()),
                    Math::min);
        }
        List<WorkflowSolution.Lease> leases = new ArrayList<>(incumbent.vms());
        leases.removeIf(lease -> !lowestTask.containsKey(lease.id()));
        leases.sort(Comparator.comparingInt(lease -> lowestTask.get(lease.id())));
        Map<String, Integer> slotOfVm = new HashMap<>();
        int[] used = new int[typeCount];
        for (WorkflowSolution.Lease lease : leases) {
            int k = typeIndex.get(lease.type());
            if (used[k] < slotsPerType[k]) {
                slotOfVm.put(lease.id(), firstSlot(k) + used[k]);
            }
            used[k]++;
        }
        int[] slots = new int[taskCount];
        Arrays.fill(slots, -1);
        for (WorkflowSolution.Assignment assignment : incumbent.assignments()) {
            Integer slot = slotOfVm.get(assignment.vm());
            slots[taskIndex.get(assignment.workflow() + "\u0000" + assignment.task())] = slot == null ? -1 : slot;
        }
        return slots;
    }

    /** The incumbent's start of each task. */
    double[] incumbentStarts() {
        Map<String, Integer> taskIndex = taskIndex();
        double[] starts = new double[taskCount];
        for (WorkflowSolution.Assignment assignment : incumbent.assignments()) {
            starts[taskIndex.get(assignment.workflow() + "\u0000" + assignment.task())] = assignment.startSeconds();
        }
        return starts;
    }

    private Map<String, Integer> taskIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < taskCount; j++) {
            Workflow workflow = instance.workflows().get(workflowOf[j]);
            index.put(workflow.id() + "\u0000" + workflow.tasks().get(localIndex[j]).id(), j);
        }
        return index;
    }

    /**
     * The offline solution of slots and a processing order: each slot runs its tasks in the given
     * order, each as early as release, parents and the slot allow, with exact doubles
     * (finish = start + p/c); a slot's lease starts at its first task and bills the fewest whole
     * periods that cover its last finish within the verifier's tolerance. VMs are numbered by
     * lease start.
     *
     * @param slotOf   slot of each task
     * @param priority the processing order key (smaller first); must extend precedence
     * @param notBefore the model's start of each task in seconds: a task never starts earlier, so
     *                  that a lease spans what the model billed (an earlier first task could cost
     *                  a period more)
     */
    WorkflowSolution retime(int[] slotOf, double[] priority, double[] notBefore, String policy) {
        int slots = slotCount();
        // The slot predecessor of each task in the order; then Kahn's algorithm over DAG ∪ slot chains.
        Integer[] order = new Integer[taskCount];
        for (int j = 0; j < taskCount; j++) {
            order[j] = j;
        }
        int[] depth = new int[taskCount];
        for (int j : topologicalOrder) {
            for (int parent : parents[j]) {
                depth[j] = Math.max(depth[j], depth[parent] + 1);
            }
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> priority[j]).thenComparingInt(j -> depth[j])
                .thenComparingInt(j -> j));
        int[] slotNext = new int[taskCount];
        Arrays.fill(slotNext, -1);
        int[] lastOnSlot = new int[slots];
        Arrays.fill(lastOnSlot, -1);
        int[] waiting = new int[taskCount];
        for (int j : order) {
            int v = slotOf[j];
            if (lastOnSlot[v] >= 0) {
                slotNext[lastOnSlot[v]] = j;
                waiting[j]++;
            }
            lastOnSlot[v] = j;
            waiting[j] += parents[j].length;
        }
        int[][] children = childrenOf();
        double[] start = new double[taskCount];
        double[] finish = new double[taskCount];
        double[] slotFree = new double[slots];
        double[] slotFirst = new double[slots];
        double[] slotLast = new double[slots];
        boolean[] slotUsed = new boolean[slots];
        int[] queue = new int[taskCount];
        int head = 0;
        int tail = 0;
        for (int j = 0; j < taskCount; j++) {
            if (waiting[j] == 0) {
                queue[tail++] = j;
            }
        }
        while (head < tail) {
            int j = queue[head++];
            int v = slotOf[j];
            double begin = Math.max(arrivalSeconds[workflowOf[j]], notBefore[j]);
            for (int parent : parents[j]) {
                begin = Math.max(begin, finish[parent]);
            }
            if (slotUsed[v]) {
                begin = Math.max(begin, slotFree[v]);
            } else {
                slotUsed[v] = true;
                slotFirst[v] = begin;
            }
            start[j] = begin;
            finish[j] = begin + durationSeconds(j, slotType[v]);
            slotFree[v] = finish[j];
            slotLast[v] = Math.max(slotLast[v], finish[j]);
            for (int child : children[j]) {
                if (--waiting[child] == 0) {
                    queue[tail++] = child;
                }
            }
            if (slotNext[j] >= 0 && --waiting[slotNext[j]] == 0) {
                queue[tail++] = slotNext[j];
            }
        }
        if (tail != taskCount) {
            throw new IllegalStateException("The slot order contradicts precedence");
        }
        Integer[] used = java.util.stream.IntStream.range(0, slots).filter(v -> slotUsed[v]).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(used, Comparator.<Integer>comparingDouble(v -> slotFirst[v]).thenComparingInt(v -> v));
        String[] vmName = new String[slots];
        List<WorkflowSolution.Lease> leases = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            int v = used[i];
            vmName[v] = "vm" + i;
            int k = slotType[v];
            leases.add(new WorkflowSolution.Lease(vmName[v], instance.vmTypes().get(k).name(), slotFirst[v],
                    billedPeriods(slotFirst[v], slotLast[v], periodSeconds[k])));
        }
        List<WorkflowSolution.Assignment> assignments = new ArrayList<>();
        for (int j = 0; j < taskCount; j++) {
            Workflow workflow = instance.workflows().get(workflowOf[j]);
            assignments.add(new WorkflowSolution.Assignment(workflow.id(), workflow.tasks().get(localIndex[j]).id(),
                    vmName[slotOf[j]], start[j], finish[j]));
        }
        return new WorkflowSolution(WorkflowSolution.OFFLINE, policy, leases, assignments);
    }

    int[][] childrenOf() {
        int[] count = new int[taskCount];
        for (int j = 0; j < taskCount; j++) {
            for (int parent : parents[j]) {
                count[parent]++;
            }
        }
        int[][] children = new int[taskCount][];
        for (int j = 0; j < taskCount; j++) {
            children[j] = new int[count[j]];
            count[j] = 0;
        }
        for (int j = 0; j < taskCount; j++) {
            for (int parent : parents[j]) {
                children[parent][count[parent]++] = j;
            }
        }
        return children;
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
     * The cheapest of the rule-based policies' runs (a gates schedule is feasible offline, §7) and
     * the list schedules on small fixed VM pools.
     */
    private record Incumbent(String policy, double totalUsd, WorkflowSolution solution) {
    }

    private static Incumbent bestPolicy(WorkflowInstance instance) {
        Incumbent best = null;
        for (WorkflowSolution schedule : WorkflowListSchedules.all(instance)) {
            double total = WorkflowEvaluator.objective(instance, schedule);
            if (best == null || total < best.totalUsd) {
                best = new Incumbent(schedule.policy(), total, schedule);
            }
        }
        for (String name : WorkflowPolicies.NAMES) {
            WorkflowSimulator simulator = new WorkflowSimulator(instance);
            simulator.run(WorkflowPolicies.create(name));
            WorkflowSolution solution = simulator.solution(name);
            double total = WorkflowEvaluator.objective(instance, solution);
            if (total < best.totalUsd) {
                best = new Incumbent(name, total, solution);
            }
        }
        return best;
    }
}
