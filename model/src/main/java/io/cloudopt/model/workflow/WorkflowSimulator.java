package io.cloudopt.model.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gates} simulator of problems/workflow.md §5 and §5b: a port of the original GATES
 * environment's event loop, operation for operation, so that costs agree bit for bit. It is a
 * state machine — {@link #start()} runs to the first decision, {@link #apply(int)} dispatches the
 * current task and runs to the next one — so a policy, a label writer or a roll-out can drive it,
 * and {@link #copy()} forks it.
 */
public final class WorkflowSimulator {
    /** Tolerance of lease tests (1e-5 s), as in the original. */
    static final double EPS = 0.00001;

    private final WorkflowInstance instance;
    private final WorkflowGraph[] graphs;
    private final double billingSeconds;
    private final double usdPerVcpuHour;

    // ---- mutable state (copied by copy()) ----
    private WfRun[] runs;
    private PythonHeap<WfRun> arrivals;
    private List<Vm> vms;
    private int vmCounter;
    private double vmCost;
    private double penalty;
    private int billedHours;
    private double busyHours;
    private int missedDeadlines;
    private int decisions;
    private int remainingWorkflows;
    private int maskedVmId = -1;

    private Double now;
    private boolean nextIsArrival;
    private int nextVm;
    private WfRun nextWorkflow;
    private int finishTask;
    private int dispatchIndex;
    private int nextTask;
    private boolean isDequeue;
    private int[] currentChildren;

    private final List<double[]> leaseBook;
    private boolean recordSchedule = true;

    public WorkflowSimulator(WorkflowInstance instance) {
        this.instance = instance;
        this.graphs = new WorkflowGraph[instance.workflows().size()];
        for (int w = 0; w < graphs.length; w++) {
            graphs[w] = WorkflowGraph.of(instance, instance.workflows().get(w));
        }
        WorkflowVmType smallest = instance.vmTypes().get(0);
        this.billingSeconds = smallest.billingPeriodSeconds();
        // GATES hard-codes the 2-vCPU price / 2 (0.096 / 2) as the vCPU-hour price in bestFit.
        this.usdPerVcpuHour = smallest.usdPerHour() / smallest.vcpus();
        this.leaseBook = new ArrayList<>();
    }

    private WorkflowSimulator(WorkflowSimulator other) {
        this.instance = other.instance;
        this.graphs = other.graphs;
        this.billingSeconds = other.billingSeconds;
        this.usdPerVcpuHour = other.usdPerVcpuHour;
        this.leaseBook = new ArrayList<>();
        for (double[] row : other.leaseBook) {
            this.leaseBook.add(row.clone());
        }
        this.recordSchedule = other.recordSchedule;
    }

    public WorkflowInstance instance() {
        return instance;
    }

    public WorkflowGraph graph(int workflow) {
        return graphs[workflow];
    }

    // =====================================================================================
    // Entities
    // =====================================================================================

    /** One workflow's progress (the original's {@code Workflow} object). */
    private final class WfRun {
        final int index;
        final WorkflowGraph graph;
        final double generateTime;
        final double threshold;
        final double relativeDeadline;
        boolean[] complete;
        int completeCount;
        double[] enqueueTime;
        double[] execTime;
        double[] startTime;
        double[] finishTime;
        int[] vmOf;
        double[] subDeadline;
        boolean done;

        WfRun(int index) {
            this.index = index;
            this.graph = graphs[index];
            Workflow workflow = instance.workflows().get(index);
            this.generateTime = workflow.arrivalSeconds();
            int fastest = instance.vmTypes().get(instance.vmTypes().size() - 1).vcpus();
            // dueTimeCoef = ones / max(vcpus) * γ; deadline = maxProcessTime * coef + generateTime.
            double coefficient = 1.0 / fastest * instance.deadlineFactor();
            this.relativeDeadline = graph.criticalPathWork() * coefficient;
            double deadline = workflow.deadlineSeconds() != null ? workflow.deadlineSeconds()
                    : relativeDeadline + generateTime;
            this.threshold = deadline - generateTime;
            int n = graph.size();
            complete = new boolean[n];
            enqueueTime = new double[n];
            execTime = new double[n];
            startTime = new double[n];
            finishTime = new double[n];
            vmOf = new int[n];
            java.util.Arrays.fill(enqueueTime, Double.NaN);
            java.util.Arrays.fill(vmOf, -1);
        }

        WfRun copyRun() {
            WfRun copy = new WfRun(index);
            copy.complete = complete.clone();
            copy.completeCount = completeCount;
            copy.enqueueTime = enqueueTime.clone();
            copy.execTime = execTime.clone();
            copy.startTime = startTime.clone();
            copy.finishTime = finishTime.clone();
            copy.vmOf = vmOf.clone();
            copy.subDeadline = subDeadline == null ? null : subDeadline.clone();
            copy.done = done;
            return copy;
        }

        boolean parentsComplete(int task) {
            for (int parent : graph.parents[task]) {
                if (!complete[parent]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A waiting task: the heap tuple (enqueue time, task number, workflow). */
    private record Waiting(double priority, int task, WfRun workflow) {
    }

    /** The key behind {@link #waitingLess}: (priority, task number, workflow arrival). */
    private static final java.util.Comparator<Waiting> WAITING_KEY = java.util.Comparator
            .comparingDouble(Waiting::priority).thenComparingInt(Waiting::task)
            .thenComparingDouble(waiting -> waiting.workflow.generateTime);

    /** Python's tuple order on (priority, task, workflow); workflows compare by arrival time only. */
    private static boolean waitingLess(Waiting a, Waiting b) {
        if (a.priority != b.priority) {
            return a.priority < b.priority;
        }
        if (a.task != b.task) {
            return a.task < b.task;
        }
        return a.workflow != b.workflow && a.workflow.generateTime < b.workflow.generateTime;
    }

    /** A rented VM (the original's {@code VM} object). */
    private static final class Vm {
        final int id;
        final int type;
        final int cpu;
        final double rentStart;
        double rentEnd;
        double currentTimeStep;
        Waiting processing;
        PythonHeap<Waiting> queue;
        double pendingTaskTime;
        int startedTasks;
        double remainingTime;

        Vm(int id, int type, int cpu, double t) {
            this.id = id;
            this.type = type;
            this.cpu = cpu;
            this.rentStart = t;
            this.rentEnd = t;
            this.currentTimeStep = t;
            this.queue = new PythonHeap<>(WorkflowSimulator::waitingLess, WAITING_KEY);
        }

        Vm copyVm(WfRun[] runs) {
            Vm copy = new Vm(id, type, cpu, rentStart);
            copy.rentEnd = rentEnd;
            copy.currentTimeStep = currentTimeStep;
            copy.processing = processing == null ? null
                    : new Waiting(processing.priority, processing.task, runs[processing.workflow.index]);
            copy.queue = queue.copy(waiting -> new Waiting(waiting.priority, waiting.task,
                    runs[waiting.workflow.index]));
            copy.pendingTaskTime = pendingTaskTime;
            copy.startedTasks = startedTasks;
            copy.remainingTime = remainingTime;
            return copy;
        }

        boolean busy() {
            return processing != null;
        }

        /** get_firstTaskDequeueTime: the finish of the task in service, or +∞ when idle. */
        double leaveTime() {
            return processing != null ? currentTimeStep : Double.POSITIVE_INFINITY;
        }

        /** vmQueueTime: max(round(pendingTaskTime, 3), 0). */
        double queueTime() {
            return Math.max(roundHalfEven(pendingTaskTime, 3), 0);
        }
    }

    // =====================================================================================
    // Driving the simulation
    // =====================================================================================

    /** Resets and runs to the first decision; false when there is none (nothing to schedule). */
    public boolean start() {
        runs = new WfRun[instance.workflows().size()];
        arrivals = new PythonHeap<>((a, b) -> a != b && a.generateTime < b.generateTime);
        for (int w = 0; w < runs.length; w++) {
            runs[w] = new WfRun(w);
            arrivals.push(runs[w]);
        }
        vms = new ArrayList<>();
        vmCounter = 0;
        vmCost = 0;
        penalty = 0;
        billedHours = 0;
        busyHours = 0;
        missedDeadlines = 0;
        decisions = 0;
        remainingWorkflows = runs.length;
        maskedVmId = -1;
        leaseBook.clear();
        if (runs.length == 0) {
            now = null;
            return false;
        }
        nextIsArrival = true;
        nextWorkflow = arrivals.peek();
        now = nextWorkflow.generateTime;
        finishTask = -1;
        currentChildren = nextWorkflow.graph.roots;
        dispatchIndex = 0;
        nextTask = currentChildren[0];
        isDequeue = currentChildren.length <= 1;
        return true;
    }

    /** Whether a decision is pending. */
    public boolean hasDecision() {
        return now != null;
    }

    /** Runs a whole episode with {@code policy}; returns the totals. */
    public WorkflowOutcome run(WorkflowPolicy policy) {
        boolean more = start();
        while (more) {
            Decision decision = decision();
            int action = policy.choose(decision);
            more = apply(action);
        }
        return outcome();
    }

    /** Dispatches the pending task to candidate {@code action}; runs to the next decision (false at the end). */
    public boolean apply(int action) {
        if (now == null) {
            throw new IllegalStateException("No decision is pending");
        }
        int candidates = vms.size() + instance.vmTypes().size();
        if (action < 0 || action >= candidates) {
            throw new IllegalArgumentException("action " + action + " outside 0.." + (candidates - 1));
        }
        if (action < vms.size() && vms.get(action).id == maskedVmId) {
            throw new IllegalArgumentException("action " + action + " is the masked VM vm" + maskedVmId
                    + " (its lease has expired at this finish event)");
        }
        decisions++;
        double t = now;
        int selected;
        if (action >= vms.size()) {
            int type = action - vms.size();
            WorkflowVmType vmType = instance.vmTypes().get(type);
            Vm vm = new Vm(vmCounter++, type, vmType.vcpus(), t);
            vms.add(vm);
            charge(vm);
            vm.remainingTime = billingSeconds;
            vm.rentEnd += billingSeconds;
            leaseBook.add(new double[] {type, t, 1});
            selected = vms.size() - 1;
        } else {
            selected = action;
        }
        WfRun workflow = nextWorkflow;
        Vm vm = vms.get(selected);
        if (workflow.parentsComplete(nextTask)) {
            double exec = enqueue(vm, nextTask, t, workflow);
            busyHours += exec / 3600;
            extend(vm, t);
        }
        if (isDequeue) {
            if (nextIsArrival) {
                arrivals.pop();
            } else {
                dequeue(vms.get(nextVm));
            }
        }
        if (currentChildren.length > 0) {
            dispatchIndex++;
        }
        return advance();
    }

    /** The loop after a dispatch in the original's step(): to the next decision, or to the end. */
    private boolean advance() {
        int[] children = currentChildren;
        while (true) {
            while (children.length == 0) {
                Vm finishing = vms.get(nextVm);
                dequeue(finishing);
                WfRun workflow = nextWorkflow;
                if (workflow.completeCount == workflow.graph.size() && !workflow.done) {
                    complete(workflow);
                }
                nextTimeStep();
                if (now == null) {
                    break;
                }
                transition();
                children = currentChildren;
            }
            if (now == null) {
                break;
            }
            if (children.length > dispatchIndex) {
                int found = -1;
                while (children.length > dispatchIndex) {
                    int candidate = children[dispatchIndex];
                    if (!nextWorkflow.parentsComplete(candidate)) {
                        dispatchIndex++;
                    } else {
                        found = candidate;
                        break;
                    }
                }
                if (found >= 0) {
                    nextTask = found;
                    isDequeue = children.length - dispatchIndex <= 1;
                    return true;
                }
                dequeue(vms.get(nextVm));
                nextTimeStep();
                if (now != null) {
                    transition();
                    children = currentChildren;
                }
                dispatchIndex = 0;
            } else {
                nextTimeStep();
                if (now != null) {
                    transition();
                    children = currentChildren;
                }
                dispatchIndex = 0;
            }
            if (now == null) {
                break;
            }
        }
        return false;
    }

    /** get_nextTimeStep: an arrival goes before a finish at the same time; among VMs the lowest position. */
    private void nextTimeStep() {
        double arrival = arrivals.isEmpty() ? Double.POSITIVE_INFINITY : arrivals.peek().generateTime;
        int vmIndex = -1;
        double vmTime = Double.POSITIVE_INFINITY;
        for (int i = 0; i < vms.size(); i++) {
            double leave = vms.get(i).leaveTime();
            if (vmIndex < 0 || leave < vmTime) {
                vmIndex = i;
                vmTime = leave;
            }
        }
        if (arrival > vmTime) {
            nextVm = vmIndex;
            now = vmTime;
            nextIsArrival = false;
            Vm vm = vms.get(vmIndex);
            nextWorkflow = vm.processing.workflow;
            finishTask = vm.processing.task;
        } else if (arrival == Double.POSITIVE_INFINITY) {
            now = null;
            nextWorkflow = null;
            nextIsArrival = true;
        } else {
            now = arrival;
            nextIsArrival = true;
            nextWorkflow = arrivals.peek();
            finishTask = -1;
        }
    }

    /**
     * At every event, before any decision (rule 3): refresh remaining lease times, delete expired
     * idle VMs (recording the mask of an expired finishing VM), mark the finished task complete,
     * and list the tasks to dispatch.
     */
    private void transition() {
        double t = now;
        for (Vm vm : vms) {
            vm.remainingTime = vm.rentEnd - t;
        }
        int nextVmId = nextIsArrival ? -1 : vms.get(nextVm).id;
        if (!nextIsArrival) {
            maskedVmId = vms.get(nextVm).rentEnd < t + EPS ? nextVmId : -1;
        }
        for (int i = vms.size() - 1; i >= 0; i--) {
            Vm vm = vms.get(i);
            if (vm.rentEnd < t + EPS && !vm.busy()) {
                vms.remove(i);
            }
        }
        if (!nextIsArrival) {
            for (int i = 0; i < vms.size(); i++) {
                if (vms.get(i).id == nextVmId) {
                    nextVm = i;
                }
            }
        }
        if (finishTask >= 0) {
            WfRun workflow = nextWorkflow;
            if (!workflow.complete[finishTask]) {
                workflow.complete[finishTask] = true;
                workflow.completeCount++;
            }
            currentChildren = workflow.graph.children[finishTask];
        } else {
            currentChildren = nextWorkflow.graph.roots;
        }
    }

    // =====================================================================================
    // VM operations (the original's VM class)
    // =====================================================================================

    /** task_enqueue: returns the execution time p/c. */
    private double enqueue(Vm vm, int task, double t, WfRun workflow) {
        double exec = workflow.graph.work[task] / vm.cpu;
        vm.pendingTaskTime += exec;
        workflow.execTime[task] = exec;
        if (Double.isNaN(workflow.enqueueTime[task])) {
            workflow.enqueueTime[task] = t;
            workflow.vmOf[task] = vm.id;
        } else if (t > workflow.enqueueTime[task]) {
            workflow.enqueueTime[task] = t;
        }
        vm.queue.push(new Waiting(t, task, workflow));
        if (vm.processing == null) {
            process(vm);
        }
        return exec;
    }

    /** task_dequeue: the task in service leaves; the queue is re-sorted and the next one starts. */
    private void dequeue(Vm vm) {
        if (vm.queue.isEmpty()) {
            vm.processing = null;
        } else {
            vm.queue.rebuild();
            process(vm);
        }
    }

    /** process_task: start = max(enqueue time, VM free time), no preemption. */
    private void process(Vm vm) {
        Waiting next = vm.queue.pop();
        WfRun workflow = next.workflow;
        int task = next.task;
        double enqueued = workflow.enqueueTime[task];
        double exec = workflow.execTime[task];
        double start = Math.max(enqueued, vm.currentTimeStep);
        double leave = start + exec;
        if (start > enqueued) {
            workflow.enqueueTime[task] = start;
        }
        workflow.startTime[task] = start;
        workflow.finishTime[task] = leave;
        workflow.vmOf[task] = vm.id;
        vm.pendingTaskTime -= exec;
        vm.startedTasks++;
        vm.currentTimeStep = leave;
        vm.processing = next;
    }

    /** extend_specific_VM (rule 7): whole billing periods until the queue fits. */
    private void extend(Vm vm, double t) {
        double latest = Math.max(vm.currentTimeStep, t);
        double available = vm.rentEnd - latest - vm.queueTime();
        while (available < -EPS) {
            available += billingSeconds;
            vm.rentEnd += billingSeconds;
            charge(vm);
            leaseBook.get(vm.id)[2] += 1;
        }
    }

    private void charge(Vm vm) {
        vmCost += instance.vmTypes().get(vm.type).usdPerHour();
        billedHours += 1;
    }

    /** Rule 9: the late test and the penalty, in the original's operations. */
    private void complete(WfRun workflow) {
        workflow.done = true;
        remainingWorkflows--;
        double response = now - workflow.generateTime;
        double threshold = workflow.threshold;
        if (response < threshold || roundNumpy(response - threshold, 5) == 0) {
            return;
        }
        missedDeadlines++;
        WorkflowPenalty rule = instance.penalty();
        penalty += rule.usdPerLateWorkflow() + rule.usdPerLateHour() * (response - threshold) / 3600;
    }

    // =====================================================================================
    // Decisions
    // =====================================================================================

    /** The pending decision, as policies and label writers see it. */
    public Decision decision() {
        if (now == null) {
            throw new IllegalStateException("No decision is pending");
        }
        WfRun workflow = nextWorkflow;
        if (workflow.subDeadline == null) {
            workflow.subDeadline = new double[workflow.graph.size()];
            for (int j = 0; j < workflow.subDeadline.length; j++) {
                workflow.subDeadline[j] = workflow.graph.subDeadlineOffset(j, workflow.relativeDeadline) + now;
            }
        }
        return new Decision();
    }

    /** A read-only view of the state at the pending decision. */
    public final class Decision {
        private Decision() {
        }

        /** The event time t. */
        public double now() {
            return now;
        }

        public int workflow() {
            return nextWorkflow.index;
        }

        public int task() {
            return nextTask;
        }

        /** p_j, the task's work in vCPU·s. */
        public double work() {
            return nextWorkflow.graph.work[nextTask];
        }

        /** subD(j), set at the workflow's first decision (rule 11). */
        public double subDeadline() {
            return nextWorkflow.subDeadline[nextTask];
        }

        public double workflowArrival() {
            return nextWorkflow.generateTime;
        }

        /** The workflow's absolute deadline (arrival + threshold). */
        public double workflowDeadline() {
            return nextWorkflow.generateTime + nextWorkflow.threshold;
        }

        public int completedTasks() {
            return nextWorkflow.completeCount;
        }

        public int vmCount() {
            return vms.size();
        }

        public int typeCount() {
            return instance.vmTypes().size();
        }

        public int candidateCount() {
            return vms.size() + instance.vmTypes().size();
        }

        /** Whether existing VM i is masked (its lease ran out at this finish event, rule 3c). */
        public boolean masked(int vm) {
            return vms.get(vm).id == maskedVmId;
        }

        public int vmId(int vm) {
            return vms.get(vm).id;
        }

        public int vmType(int vm) {
            return vms.get(vm).type;
        }

        public int vmVcpus(int vm) {
            return vms.get(vm).cpu;
        }

        public double vmLeaseStart(int vm) {
            return vms.get(vm).rentStart;
        }

        public double vmLeaseEnd(int vm) {
            return vms.get(vm).rentEnd;
        }

        /** busyUntil: the finish of the task in service (or of the last task). */
        public double vmBusyUntil(int vm) {
            return vms.get(vm).currentTimeStep;
        }

        /** Σ d of the waiting tasks (a running double sum, P4). */
        public double vmQueuedWork(int vm) {
            return vms.get(vm).pendingTaskTime;
        }

        /** Tasks in service or waiting on VM i. */
        public int vmPending(int vm) {
            Vm v = vms.get(vm);
            return v.busy() ? v.queue.size() + 1 : 0;
        }

        /** remaining(v) of rule 3a: refreshed at event transitions and VM creation only (P5). */
        public double vmRemaining(int vm) {
            return vms.get(vm).remainingTime;
        }

        public int typeVcpus(int type) {
            return instance.vmTypes().get(type).vcpus();
        }

        public double typeUsdPerHour(int type) {
            return instance.vmTypes().get(type).usdPerHour();
        }

        public double billingPeriodSeconds() {
            return billingSeconds;
        }

        /** The price of one vCPU-hour as GATES's bestFit feature uses it (0.096 / 2). */
        public double usdPerVcpuHour() {
            return usdPerVcpuHour;
        }

        public WorkflowPenalty penalty() {
            return instance.penalty();
        }

        /** A deep copy of the simulator at this decision, e.g. to roll a candidate out. */
        public WorkflowSimulator fork() {
            return copy();
        }

        /** The VM cost charged so far. */
        public double vmCostSoFar() {
            return vmCost;
        }

        /** The penalties charged so far. */
        public double penaltySoFar() {
            return penalty;
        }
    }

    // =====================================================================================
    // Results
    // =====================================================================================

    /** The totals of the run so far (of the episode after the last decision). */
    public WorkflowOutcome outcome() {
        return new WorkflowOutcome(vmCost, penalty, missedDeadlines, decisions, billedHours, busyHours);
    }

    public double vmCost() {
        return vmCost;
    }

    public double penaltyTotal() {
        return penalty;
    }

    /** The schedule of a finished run, as a solution (mode gates). */
    public WorkflowSolution solution(String policy) {
        List<WorkflowSolution.Lease> list = new ArrayList<>();
        for (int id = 0; id < leaseBook.size(); id++) {
            double[] row = leaseBook.get(id);
            list.add(new WorkflowSolution.Lease("vm" + id, instance.vmTypes().get((int) row[0]).name(), row[1],
                    (int) row[2]));
        }
        List<WorkflowSolution.Assignment> assignments = new ArrayList<>();
        for (WfRun run : runs) {
            Workflow workflow = instance.workflows().get(run.index);
            for (int j = 0; j < run.graph.size(); j++) {
                if (run.vmOf[j] < 0) {
                    continue;
                }
                assignments.add(new WorkflowSolution.Assignment(workflow.id(), workflow.tasks().get(j).id(),
                        "vm" + run.vmOf[j], run.startTime[j], run.finishTime[j]));
            }
        }
        return new WorkflowSolution(WorkflowInstance.GATES, policy, list, assignments);
    }

    /** A deep copy of the state, e.g. for a roll-out from the pending decision. */
    public WorkflowSimulator copy() {
        WorkflowSimulator copy = new WorkflowSimulator(this);
        copy.runs = new WfRun[runs.length];
        for (int w = 0; w < runs.length; w++) {
            copy.runs[w] = runs[w].copyRun();
        }
        copy.arrivals = arrivals.copy(run -> copy.runs[run.index]);
        copy.vms = new ArrayList<>();
        for (Vm vm : vms) {
            copy.vms.add(vm.copyVm(copy.runs));
        }
        copy.vmCounter = vmCounter;
        copy.vmCost = vmCost;
        copy.penalty = penalty;
        copy.billedHours = billedHours;
        copy.busyHours = busyHours;
        copy.missedDeadlines = missedDeadlines;
        copy.decisions = decisions;
        copy.remainingWorkflows = remainingWorkflows;
        copy.maskedVmId = maskedVmId;
        copy.now = now;
        copy.nextIsArrival = nextIsArrival;
        copy.nextVm = nextVm;
        copy.nextWorkflow = nextWorkflow == null ? null : copy.runs[nextWorkflow.index];
        copy.finishTask = finishTask;
        copy.dispatchIndex = dispatchIndex;
        copy.nextTask = nextTask;
        copy.isDequeue = isDequeue;
        copy.currentChildren = currentChildren;
        return copy;
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    /**
     * numpy's round(x, n) on a {@code numpy.float64}: rint(x·10^n)/10^n. The original's event times
     * are numpy scalars (its clocks start as {@code np.zeros}), so the two roundings that compare
     * times — bestFit's remaining-time test and the lateness test of rule 9 — are numpy's, not
     * Python's exact one; they differ only next to a tie (problems/workflow.md P11 assumes
     * Python's; the original code decides). The queue-time rounding of rule 7 works on a Python
     * float and stays exact ({@link #roundHalfEven}).
     */
    public static double roundNumpy(double value, int digits) {
        double scale = POWERS_OF_TEN[digits];
        return Math.rint(value * scale) / scale;
    }
    /** Below 2^40 the product x·10^n is within 2^-13 of the exact one. */
    private static final double FAST_LIMIT = 0x1p40;
    private static final double TIE_MARGIN = 1e-3;

    /**
     * Python's round(x, n) on the exact binary value: half-even (problems/workflow.md P11), i.e.
     * {@code new BigDecimal(x).setScale(n, HALF_EVEN).doubleValue()}. That is slow on the hot path,
     * so the rounding direction is taken from x·10^n whenever it is not within 10^-3 of a tie (the
     * product's error is below 2^-13 there); k/10^n is then the correctly rounded double of the
     * decimal k·10^-n, as the BigDecimal conversion is. Near ties and for large values the exact
     * route decides.
     */
    public static double roundHalfEven(double value, int digits) {
        if (digits >= 0 && digits < POWERS_OF_TEN.length) {
            double scale = POWERS_OF_TEN[digits];
            double scaled = value * scale;
            if (Math.abs(scaled) < FAST_LIMIT) {
                double floor = Math.floor(scaled);
                double fraction = scaled - floor;
                if (Math.abs(fraction - 0.5) > TIE_MARGIN) {
                    return (fraction > 0.5 ? floor + 1 : floor) / scale;
                }
            }
        }
        return exactRoundHalfEven(value, digits);
    }

    static double exactRoundHalfEven(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }
}
