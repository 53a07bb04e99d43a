package io.cloudopt.model.provisioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The discrete-event simulator of problems/provisioning.md §5 for a plan: every request runs its stages
 * through FaaS or VM pools as the period's routing says (S5), VM pools serve FIFO (S6), FaaS scales
 * without limit with optional cold starts and keep-alive (S7), hops add their delays (S8), VMs boot,
 * drain and are billed as S9 says, and the plan's timed actions are applied as policy-epoch events
 * (S10, S11). Deterministic given (instance, solution, seed).
 *
 * <p>Hot state lives in primitive arrays; events sit in one binary heap ordered by (time, kind, id),
 * except new arrivals, which come sorted from {@link ProvisioningRequests} and are merged in.
 * A period that the plan does not list keeps the routing of the latest listed one before it.
 */
public final class ProvisioningSimulator {
    /** Event kinds in S10 order at equal times. */
    private static final long VM_READY = 0;
    private static final long COMPLETION = 1;
    private static final long HOP = 2;
    private static final long ARRIVAL = 3;
    private static final long ACTION = 4;
    private static final int KIND_SHIFT = 60;

    private static final int FROM_CLIENT = 0;
    private static final int FROM_VM = 1;
    private static final int FROM_FAAS = 2;

    private static final int BOOTING = 0;
    private static final int READY = 1;
    private static final int DRAINING = 2;
    private static final int DONE = 3;

    private static final double CREDIT_ONE = 1 - 1e-12;

    /**
     * A run: the solution's simulation block and some more latency percentiles (nearest rank, ms).
     */
    public record Run(ProvisioningOutcome outcome, double p50LatencyMs, double p95LatencyMs, double p999LatencyMs,
                      double maxLatencyMs) {
    }

    private final ProvisioningInstance instance;
    private final ProvisioningRequests requests;
    private final long seed;
    private final int stageCount;
    private final int periodCount;
    private final double periodSeconds;
    private final double horizonSeconds;
    private final double vmColdStartSeconds;
    private final double guardPerWorker;
    private final double[] hopSeconds = new double[9];

    // pools
    private final int poolCount;
    private final boolean[] poolHosts;
    private final int[] poolVcpus;
    private final double[] poolSpeed;
    private final double[] poolUsdPerSecond;
    private final int[] readyWorkers;
    private final int[] acceptingVms;
    private final IntHeap[] freeWorkers;
    private final IntQueue[] queues;
    private final IntList[] poolVms;

    // routing per period and stage (index p * N + i)
    private final int[] routePool;
    private final double[] routeAlpha;
    private final int[] routeCap;
    private final int[] routeMemory;
    private final double[] memorySlowdown;
    private final double[] memoryGbFactor;
    private final double faasUsdPerRequest;
    private final double faasUsdPerGbMs;
    private final double faasGranularityMs;
    private final double faasColdStartSeconds;
    private final double faasKeepAliveSeconds;
    private final int memoryCount;

    // actions
    private final double[] actionTime;
    private final boolean[] actionLaunch;
    private final int[] actionPool;
    private final int[] actionCount;

    // routing state
    private final double[] credit;
    private final int[] creditPeriod;
    private final int[] secondCount;
    private final long[] counterSecond;

    // VMs (ids in launch order) and their workers
    private int vmCount;
    private int[] vmPool = new int[16];
    private double[] vmLaunch = new double[16];
    private double[] vmEnd = new double[16];
    private int[] vmState = new int[16];
    private int[] vmBusy = new int[16];
    private int[] vmWorkerBase = new int[16];
    private int workerCount;
    private int[] workerVm = new int[64];

    // requests in flight, by slot
    private int slotCapacity = 64;
    private long[] slotRequest = new long[slotCapacity];
    private double[] slotArrival = new double[slotCapacity];
    private int[] slotExit = new int[slotCapacity];
    private int[] slotStage = new int[slotCapacity];
    private int[] slotWorker = new int[slotCapacity];
    private int[] slotTarget = new int[slotCapacity];
    private int[] slotMemory = new int[slotCapacity];
    private double[] slotServiceMs;
    private final IntList freeSlots = new IntList();

    // FaaS warm containers per (stage, memory): idle-since times, most recent last
    private final DoubleStack[] idleContainers;

    private final EventHeap events = new EventHeap();
    private long nextRequestId;
    private double[] latenciesMs = new double[1024];
    private int finished;
    private double faasCostUsd;
    private long overflow;
    private long coldStarts;

    private ProvisioningSimulator(ProvisioningInstance instance, ProvisioningSolution solution,
                                  ProvisioningRequests requests, long seed) {
        this.instance = instance;
        this.requests = requests;
        this.seed = seed;
        this.stageCount = instance.stages().size();
        this.periodCount = instance.periodCount();
        this.periodSeconds = instance.periodSeconds();
        this.horizonSeconds = instance.horizonSeconds();
        this.vmColdStartSeconds = instance.vmColdStartSeconds();
        this.guardPerWorker = instance.simulation().vmQueueGuardPerWorker();
        ProvisioningInstance.Transfers hops = instance.transferMs();
        hopSeconds[FROM_VM * 3 + FROM_VM] = hops.vmVm() / 1000;
        hopSeconds[FROM_VM * 3 + FROM_FAAS] = hops.vmFaas() / 1000;
        hopSeconds[FROM_FAAS * 3 + FROM_VM] = hops.faasVm() / 1000;
        hopSeconds[FROM_FAAS * 3 + FROM_FAAS] = hops.faasFaas() / 1000;

        List<ProvisioningSolution.Pool> pools = solution.pools();
        poolCount = pools.size();
        poolHosts = new boolean[poolCount * stageCount];
        poolVcpus = new int[poolCount];
        poolSpeed = new double[poolCount];
        poolUsdPerSecond = new double[poolCount];
        readyWorkers = new int[poolCount];
        acceptingVms = new int[poolCount];
        freeWorkers = new IntHeap[poolCount];
        queues = new IntQueue[poolCount];
        poolVms = new IntList[poolCount];
        for (int q = 0; q < poolCount; q++) {
            ProvisioningSolution.Pool pool = pools.get(q);
            ProvisioningInstance.VmType type = instance.vmTypes().get(require(instance.vmTypeIndex(pool.vmType()),
                    "VM type " + pool.vmType()));
            poolVcpus[q] = type.vcpus();
            poolSpeed[q] = type.speedFactor();
            poolUsdPerSecond[q] = type.usdPerHour() / 3600;
            for (String stage : pool.stages()) {
                poolHosts[q * stageCount + require(instance.stageIndex(stage), "stage " + stage)] = true;
            }
            freeWorkers[q] = new IntHeap();
            queues[q] = new IntQueue();
            poolVms[q] = new IntList();
        }

        ProvisioningInstance.Faas faas = instance.faas();
        memoryCount = faas.memoryOptionsMiB().size();
        memorySlowdown = new double[memoryCount];
        memoryGbFactor = new double[memoryCount];
        for (int o = 0; o < memoryCount; o++) {
            int memoryMiB = faas.memoryOptionsMiB().get(o);
            memorySlowdown[o] = faas.slowdown(memoryMiB);
            memoryGbFactor[o] = memoryMiB / 1024.0;
        }
        faasUsdPerRequest = faas.usdPerMillionRequests() / 1e6;
        faasUsdPerGbMs = faas.usdPerGbSecond() / 1000;
        faasGranularityMs = faas.billingGranularityMs();
        faasColdStartSeconds = faas.coldStartMs() / 1000;
        faasKeepAliveSeconds = faas.keepAliveSeconds();
        idleContainers = new DoubleStack[stageCount * memoryCount];
        for (int c = 0; c < idleContainers.length; c++) {
            idleContainers[c] = new DoubleStack();
        }

        routePool = new int[periodCount * stageCount];
        routeAlpha = new double[periodCount * stageCount];
        routeCap = new int[periodCount * stageCount];
        routeMemory = new int[periodCount * stageCount];
        compileRouting(solution);

        List<ProvisioningSolution.Action> actions = new ArrayList<>(solution.actions());
        actions.sort(Comparator.comparingDouble(ProvisioningSolution.Action::timeSeconds));
        actionTime = new double[actions.size()];
        actionLaunch = new boolean[actions.size()];
        actionPool = new int[actions.size()];
        actionCount = new int[actions.size()];
        for (int a = 0; a < actions.size(); a++) {
            ProvisioningSolution.Action action = actions.get(a);
            actionTime[a] = action.timeSeconds();
            actionLaunch[a] = action.isLaunch();
            actionPool[a] = require(poolIndex(pools, action.pool()), "pool " + action.pool());
            actionCount[a] = action.count();
        }

        credit = new double[stageCount];
        creditPeriod = new int[stageCount];
        Arrays.fill(creditPeriod, -1);
        secondCount = new int[stageCount];
        counterSecond = new long[stageCount];
        Arrays.fill(counterSecond, Long.MIN_VALUE);
        slotServiceMs = new double[slotCapacity * stageCount];
        for (int s = slotCapacity - 1; s >= 0; s--) {
            freeSlots.add(s);
        }
    }

    /** Runs {@code solution} on the seeded request stream of S1–S4. */
    public static Run run(ProvisioningInstance instance, ProvisioningSolution solution, long seed) {
        return run(instance, solution, new ProvisioningRequestStream(instance, seed), seed);
    }

    /** Runs {@code solution} on given requests (e.g. scripted ones in a test); {@code seed} is only recorded. */
    public static Run run(ProvisioningInstance instance, ProvisioningSolution solution, ProvisioningRequests requests,
                          long seed) {
        return new ProvisioningSimulator(instance, solution, requests, seed).simulate();
    }

    private Run simulate() {
        for (int a = 0; a < actionTime.length; a++) {
            events.push(actionTime[a], (ACTION << KIND_SHIFT) | a, a);
        }
        long arrivalKey = ARRIVAL << KIND_SHIFT;
        while (true) {
            double arrival = requests.peekArrivalSeconds();
            boolean arrivalFirst;
            if (events.isEmpty()) {
                if (arrival == Double.POSITIVE_INFINITY) {
                    break;
                }
                arrivalFirst = true;
            } else {
                double top = events.topTime();
                arrivalFirst = arrival < top || (arrival == top && arrivalKey < events.topKey());
            }
            if (arrivalFirst) {
                arrive(arrival);
                continue;
            }
            double time = events.topTime();
            long key = events.topKey();
            int payload = events.topPayload();
            events.pop();
            switch ((int) (key >>> KIND_SHIFT)) {
                case (int) VM_READY -> vmReady(payload, time);
                case (int) COMPLETION -> complete(payload, time);
                case (int) HOP -> enter(payload, time, slotTarget[payload]);
                case (int) ACTION -> act(payload, time);
                default -> throw new IllegalStateException("Unknown event kind in key " + key);
            }
        }
        return finish();
    }

    private void arrive(double time) {
        int slot = allocateSlot();
        slotExit[slot] = requests.take(slotServiceMs, slot * stageCount);
        slotRequest[slot] = nextRequestId++;
        slotArrival[slot] = time;
        slotStage[slot] = 0;
        slotWorker[slot] = -1;
        route(slot, 0, time, FROM_CLIENT);
    }

    /** S5: the routing decision of stage {@code stage}, then the hop (S8) and the entry. */
    private void route(int slot, int stage, double time, int from) {
        int p = period(time);
        int at = p * stageCount + stage;
        int pool = routePool[at];
        boolean toVm = false;
        if (pool >= 0) {
            if (creditPeriod[stage] != p) {
                credit[stage] = 0;
                creditPeriod[stage] = p;
            }
            credit[stage] = Math.min(1, credit[stage] + routeAlpha[at]);
            if (credit[stage] >= CREDIT_ONE) {
                long second = (long) Math.floor(time);
                if (counterSecond[stage] != second) {
                    counterSecond[stage] = second;
                    secondCount[stage] = 0;
                }
                boolean underCap = secondCount[stage] < routeCap[at];
                boolean underGuard = guardPerWorker == Double.POSITIVE_INFINITY
                        || queues[pool].size() < guardPerWorker * readyWorkers[pool];
                if (underCap && underGuard) {
                    toVm = true;
                    credit[stage] -= 1;
                    secondCount[stage]++;
                } else {
                    overflow++;
                }
            }
        }
        int target = toVm ? pool : -1;
        slotMemory[slot] = routeMemory[at];
        double hop = from == FROM_CLIENT ? 0 : hopSeconds[from * 3 + (toVm ? FROM_VM : FROM_FAAS)];
        if (hop > 0) {
            slotTarget[slot] = target;
            events.push(time + hop, (HOP << KIND_SHIFT) | slotRequest[slot], slot);
        } else {
            enter(slot, time, target);
        }
    }

    private void enter(int slot, double time, int pool) {
        if (pool < 0) {
            startFaas(slot, time);
            return;
        }
        int worker = takeFreeWorker(pool);
        if (worker >= 0) {
            startOnWorker(slot, worker, time);
        } else if (acceptingVms[pool] > 0) {
            queues[pool].add(slot);
        } else {
            overflow++;
            startFaas(slot, time);
        }
    }

    private void startOnWorker(int slot, int worker, double time) {
        int vm = workerVm[worker];
        vmBusy[vm]++;
        slotWorker[slot] = worker;
        double serviceSeconds = slotServiceMs[slot * stageCount + slotStage[slot]] / 1000 / poolSpeed[vmPool[vm]];
        events.push(time + serviceSeconds, (COMPLETION << KIND_SHIFT) | slotRequest[slot], slot);
    }

    /** S7: one invocation; the cold start delays it and is not billed. */
    private void startFaas(int slot, double time) {
        int stage = slotStage[slot];
        int memory = slotMemory[slot];
        slotWorker[slot] = -1;
        double delay = 0;
        if (faasColdStartSeconds > 0) {
            DoubleStack idle = idleContainers[stage * memoryCount + memory];
            if (!idle.isEmpty() && time - idle.peek() <= faasKeepAliveSeconds) {
                idle.pop();
            } else {
                idle.clear();
                coldStarts++;
                delay = faasColdStartSeconds;
            }
        }
        double durationMs = memorySlowdown[memory] * slotServiceMs[slot * stageCount + stage];
        double billedMs = Math.ceil(durationMs / faasGranularityMs) * faasGranularityMs;
        faasCostUsd += faasUsdPerRequest + faasUsdPerGbMs * memoryGbFactor[memory] * billedMs;
        events.push(time + delay + durationMs / 1000, (COMPLETION << KIND_SHIFT) | slotRequest[slot], slot);
    }

    private void complete(int slot, double time) {
        int stage = slotStage[slot];
        int worker = slotWorker[slot];
        if (worker < 0 && faasColdStartSeconds > 0) {
            idleContainers[stage * memoryCount + slotMemory[slot]].push(time);
        }
        if (stage == slotExit[slot]) {
            recordLatency((time - slotArrival[slot]) * 1000);
            if (worker >= 0) {
                releaseWorker(worker, time);
            }
            freeSlots.add(slot);
            return;
        }
        int next = stage + 1;
        slotStage[slot] = next;
        if (worker >= 0) {
            int vm = workerVm[worker];
            int pool = vmPool[vm];
            if (poolHosts[pool * stageCount + next]) {
                double serviceSeconds = slotServiceMs[slot * stageCount + next] / 1000 / poolSpeed[pool];
                events.push(time + serviceSeconds, (COMPLETION << KIND_SHIFT) | slotRequest[slot], slot);
                return;
            }
            slotWorker[slot] = -1;
            releaseWorker(worker, time);
            route(slot, next, time, FROM_VM);
        } else {
            route(slot, next, time, FROM_FAAS);
        }
    }

    private void releaseWorker(int worker, double time) {
        int vm = workerVm[worker];
        vmBusy[vm]--;
        int pool = vmPool[vm];
        if (vmState[vm] == READY) {
            if (queues[pool].size() > 0) {
                startOnWorker(queues[pool].poll(), worker, time);
            } else {
                freeWorkers[pool].add(worker);
            }
        } else if (vmState[vm] == DRAINING && vmBusy[vm] == 0) {
            vmState[vm] = DONE;
            vmEnd[vm] = time;
        }
    }

    /** The free worker of the lowest VM id, then the lowest index; workers of terminated VMs are dropped. */
    private int takeFreeWorker(int pool) {
        IntHeap free = freeWorkers[pool];
        while (free.size() > 0) {
            int worker = free.poll();
            if (vmState[workerVm[worker]] == READY) {
                return worker;
            }
        }
        return -1;
    }

    private void vmReady(int vm, double time) {
        if (vmState[vm] != BOOTING) {
            return;
        }
        vmState[vm] = READY;
        int pool = vmPool[vm];
        readyWorkers[pool] += poolVcpus[pool];
        for (int w = 0; w < poolVcpus[pool]; w++) {
            int worker = vmWorkerBase[vm] + w;
            if (queues[pool].size() > 0) {
                startOnWorker(queues[pool].poll(), worker, time);
            } else {
                freeWorkers[pool].add(worker);
            }
        }
    }

    /** S9: launches are billed from now and ready after L^V; terminations pick booting VMs first. */
    private void act(int action, double time) {
        int pool = actionPool[action];
        if (actionLaunch[action]) {
            for (int c = 0; c < actionCount[action]; c++) {
                int vm = newVm(pool, time);
                acceptingVms[pool]++;
                events.push(time + vmColdStartSeconds, (VM_READY << KIND_SHIFT) | vm, vm);
            }
            return;
        }
        for (int c = 0; c < actionCount[action]; c++) {
            int vm = terminationCandidate(pool);
            if (vm < 0) {
                break;
            }
            acceptingVms[pool]--;
            if (vmState[vm] == BOOTING) {
                vmState[vm] = DONE;
                vmEnd[vm] = time;
            } else {
                readyWorkers[pool] -= poolVcpus[pool];
                if (vmBusy[vm] == 0) {
                    vmState[vm] = DONE;
                    vmEnd[vm] = time;
                } else {
                    vmState[vm] = DRAINING;
                }
            }
        }
        if (acceptingVms[pool] == 0) {
            while (queues[pool].size() > 0) {
                overflow++;
                startFaas(queues[pool].poll(), time);
            }
        }
    }

    /** The booting VM launched last (highest id on ties), else the ready VM of the highest id, else -1. */
    private int terminationCandidate(int pool) {
        IntList vms = poolVms[pool];
        int booting = -1;
        int ready = -1;
        for (int k = vms.size() - 1; k >= 0; k--) {
            int vm = vms.get(k);
            if (vmState[vm] == BOOTING && (booting < 0 || vmLaunch[vm] > vmLaunch[booting])) {
                booting = vm;
            } else if (vmState[vm] == READY && ready < 0) {
                ready = vm;
            }
        }
        return booting >= 0 ? booting : ready;
    }

    private int newVm(int pool, double time) {
        if (vmCount == vmPool.length) {
            int capacity = 2 * vmCount;
            vmPool = Arrays.copyOf(vmPool, capacity);
            vmLaunch = Arrays.copyOf(vmLaunch, capacity);
            vmEnd = Arrays.copyOf(vmEnd, capacity);
            vmState = Arrays.copyOf(vmState, capacity);
            vmBusy = Arrays.copyOf(vmBusy, capacity);
            vmWorkerBase = Arrays.copyOf(vmWorkerBase, capacity);
        }
        int vm = vmCount++;
        vmPool[vm] = pool;
        vmLaunch[vm] = time;
        vmState[vm] = BOOTING;
        vmWorkerBase[vm] = workerCount;
        poolVms[pool].add(vm);
        int needed = workerCount + poolVcpus[pool];
        if (needed > workerVm.length) {
            workerVm = Arrays.copyOf(workerVm, Math.max(needed, 2 * workerVm.length));
        }
        for (int w = 0; w < poolVcpus[pool]; w++) {
            workerVm[workerCount++] = vm;
        }
        return vm;
    }

    private int period(double time) {
        int p = (int) Math.floor(time / periodSeconds);
        return p < 0 ? 0 : Math.min(p, periodCount - 1);
    }

    private int allocateSlot() {
        if (freeSlots.size() == 0) {
            int old = slotCapacity;
            slotCapacity *= 2;
            slotRequest = Arrays.copyOf(slotRequest, slotCapacity);
            slotArrival = Arrays.copyOf(slotArrival, slotCapacity);
            slotExit = Arrays.copyOf(slotExit, slotCapacity);
            slotStage = Arrays.copyOf(slotStage, slotCapacity);
            slotWorker = Arrays.copyOf(slotWorker, slotCapacity);
            slotTarget = Arrays.copyOf(slotTarget, slotCapacity);
            slotMemory = Arrays.copyOf(slotMemory, slotCapacity);
            slotServiceMs = Arrays.copyOf(slotServiceMs, slotCapacity * stageCount);
            for (int s = slotCapacity - 1; s >= old; s--) {
                freeSlots.add(s);
            }
        }
        return freeSlots.removeLast();
    }

    private void recordLatency(double latencyMs) {
        if (finished == latenciesMs.length) {
            latenciesMs = Arrays.copyOf(latenciesMs, 2 * finished);
        }
        latenciesMs[finished++] = latencyMs;
    }

    /** S9 billing and S12 metrics. */
    private Run finish() {
        double minimumBilledSeconds = instance.vmMinBillingSeconds();
        double vmCostUsd = 0;
        for (int vm = 0; vm < vmCount; vm++) {
            double end = vmState[vm] == DONE ? vmEnd[vm] : horizonSeconds;
            double billed = Math.max(minimumBilledSeconds, Math.ceil(end - vmLaunch[vm] - 1e-9));
            vmCostUsd += billed * poolUsdPerSecond[vmPool[vm]];
        }
        double deadlineMs = instance.slo().latencyMs();
        long late = 0;
        for (int r = 0; r < finished; r++) {
            if (latenciesMs[r] > deadlineMs) {
                late++;
            }
        }
        double[] sorted = Arrays.copyOf(latenciesMs, finished);
        Arrays.sort(sorted);
        double violationFraction = finished == 0 ? 0 : (double) late / finished;
        ProvisioningOutcome outcome = new ProvisioningOutcome(seed, finished, vmCostUsd + faasCostUsd, vmCostUsd,
                faasCostUsd, nearestRank(sorted, 0.99), violationFraction,
                violationFraction <= instance.slo().violationProbability(), overflow, coldStarts);
        return new Run(outcome, nearestRank(sorted, 0.50), nearestRank(sorted, 0.95), nearestRank(sorted, 0.999),
                finished == 0 ? 0 : sorted[finished - 1]);
    }

    /** The value at index ⌈q·n⌉ − 1 of sorted values (0 when there are none). */
    static double nearestRank(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void compileRouting(ProvisioningSolution solution) {
        List<ProvisioningSolution.Period> periods = new ArrayList<>(solution.periods());
        periods.sort(Comparator.comparingInt(ProvisioningSolution.Period::period));
        if (periods.isEmpty() || periods.get(0).period() != 0) {
            throw new IllegalArgumentException("The plan must list period 0; its first period is "
                    + (periods.isEmpty() ? "missing" : Integer.toString(periods.get(0).period())) + ".");
        }
        List<ProvisioningSolution.Pool> pools = solution.pools();
        int listed = 0;
        for (int p = 0; p < periodCount; p++) {
            while (listed + 1 < periods.size() && periods.get(listed + 1).period() <= p) {
                listed++;
            }
            ProvisioningSolution.Period period = periods.get(listed);
            for (int i = 0; i < stageCount; i++) {
                routePool[p * stageCount + i] = -1;
                routeMemory[p * stageCount + i] = -1;
            }
            for (ProvisioningSolution.Routing routing : period.routing()) {
                int i = require(instance.stageIndex(routing.stage()), "stage " + routing.stage());
                int at = p * stageCount + i;
                routePool[at] = routing.pool() == null ? -1 : require(poolIndex(pools, routing.pool()),
                        "pool " + routing.pool());
                routeAlpha[at] = routing.vmFraction();
                routeCap[at] = routing.vmMaxPerSecond() == null ? Integer.MAX_VALUE : routing.vmMaxPerSecond();
                routeMemory[at] = require(instance.faas().memoryOptionsMiB().indexOf(routing.faasMemoryMiB()),
                        "FaaS memory " + routing.faasMemoryMiB());
            }
            for (int i = 0; i < stageCount; i++) {
                if (routeMemory[p * stageCount + i] < 0) {
                    throw new IllegalArgumentException("Period " + period.period() + " has no routing for stage "
                            + instance.stages().get(i).id() + ".");
                }
            }
        }
    }

    private static int poolIndex(List<ProvisioningSolution.Pool> pools, String id) {
        for (int q = 0; q < pools.size(); q++) {
            if (pools.get(q).id().equals(id)) {
                return q;
            }
        }
        return -1;
    }

    private static int require(int index, String what) {
        if (index < 0) {
            throw new IllegalArgumentException("The plan names an unknown " + what
                    + ".\nMaybe it was not verified; ProvisioningVerifier reports such references.");
        }
        return index;
    }

    /** A binary min-heap of events on parallel arrays, ordered by time, then key (kind, id). */
    private static final class EventHeap {
        private double[] time = new double[256];
        private long[] key = new long[256];
        private int[] payload = new int[256];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        double topTime() {
            return time[0];
        }

        long topKey() {
            return key[0];
        }

        int topPayload() {
            return payload[0];
        }

        void push(double t, long k, int p) {
            if (size == time.length) {
                time = Arrays.copyOf(time, 2 * size);
                key = Arrays.copyOf(key, 2 * size);
                payload = Arrays.copyOf(payload, 2 * size);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!less(t, k, time[parent], key[parent])) {
                    break;
                }
                time[at] = time[parent];
                key[at] = key[parent];
                payload[at] = payload[parent];
                at = parent;
            }
            time[at] = t;
            key[at] = k;
            payload[at] = p;
        }

        void pop() {
            size--;
            if (size == 0) {
                return;
            }
            double t = time[size];
            long k = key[size];
            int p = payload[size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && less(time[child + 1], key[child + 1], time[child], key[child])) {
                    child++;
                }
                if (!less(time[child], key[child], t, k)) {
                    break;
                }
                time[at] = time[child];
                key[at] = key[child];
                payload[at] = payload[child];
                at = child;
            }
            time[at] = t;
            key[at] = k;
            payload[at] = p;
        }

        private static boolean less(double t1, long k1, double t2, long k2) {
            return t1 < t2 || (t1 == t2 && k1 < k2);
        }
    }

    /** A binary min-heap of ints. */
    private static final class IntHeap {
        private int[] values = new int[16];
        private int size;

        int size() {
            return size;
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (values[parent] <= value) {
                    break;
                }
                values[at] = values[parent];
                at = parent;
            }
            values[at] = value;
        }

        int poll() {
            int top = values[0];
            int last = values[--size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && values[child + 1] < values[child]) {
                    child++;
                }
                if (values[child] >= last) {
                    break;
                }
                values[at] = values[child];
                at = child;
            }
            if (size > 0) {
                values[at] = last;
            }
            return top;
        }
    }

    /** A FIFO ring buffer of ints. */
    private static final class IntQueue {
        private int[] values = new int[16];
        private int head;
        private int size;

        int size() {
            return size;
        }

        void add(int value) {
            if (size == values.length) {
                int[] grown = new int[2 * size];
                for (int k = 0; k < size; k++) {
                    grown[k] = values[(head + k) % values.length];
                }
                values = grown;
                head = 0;
            }
            values[(head + size++) % values.length] = value;
        }

        int poll() {
            int value = values[head];
            head = (head + 1) % values.length;
            size--;
            return value;
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        int size() {
            return size;
        }

        int get(int index) {
            return values[index];
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        int removeLast() {
            return values[--size];
        }
    }

    /** A growable stack of doubles. */
    private static final class DoubleStack {
        private double[] values = new double[8];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        double peek() {
            return values[size - 1];
        }

        void pop() {
            size--;
        }

        void clear() {
            size = 0;
        }

        void push(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }
    }
}
