package io.cloudopt.model.provisioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * The discrete-event simulator of problems/provisioning.md §5 for a plan or an online policy: every
 * request runs its stages through FaaS or VM pools as the routing in force says (S5), VM pools serve
 * FIFO (S6), FaaS scales without limit with optional cold starts and keep-alive (S7), hops add their
 * delays (S8), VMs boot, drain and are billed as S9 says. Deterministic given (instance, solution or
 * policy, seed).
 *
 * <p>A plan's timed actions and its routing changes are policy-epoch events (S10, S11): at equal
 * times they come after VM readiness, completions, hops and arrivals, the actions first, then the
 * routing. Each period start resets the routing credit and applies the latest periods[] entry that
 * starts at or before it (a period the plan does not list keeps that entry); an entry with
 * {@code fromSeconds} applies at that time. The routing of the entry in force at time 0 holds from the
 * start.
 *
 * <p>An online run ({@link #runOnline}) asks a {@link ProvisioningPolicy} at t = 0 before the first
 * request (its launches there are timed −L^V, ready at 0), then at every period start and at the times
 * it asks for, as the last event at that time. It logs what the policy did as a plan that replays
 * to the identical outcome: the launches and terminations with their times, one periods[] entry per
 * period start whose routing or ready VM counts changed, and one entry with {@code fromSeconds} per
 * routing change inside a period.
 *
 * <p>Hot state lives in primitive arrays; events sit in one binary heap ordered by (time, kind, id),
 * except new arrivals, which come sorted from {@link ProvisioningRequests} and are merged in.
 */
public final class ProvisioningSimulator {
    /** Event kinds in S10 order at equal times. */
    private static final long VM_READY = 0;
    private static final long COMPLETION = 1;
    private static final long HOP = 2;
    private static final long ARRIVAL = 3;
    private static final long ACTION = 4;
    private static final long ROUTING = 5;
    private static final long EPOCH = 6;
    private static final int KIND_SHIFT = 60;
    /** Payload of a period-start epoch (a wake-up has 0). */
    private static final int PERIOD_EPOCH = 1;

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
                      double maxLatencyMs, Periods periods) {
    }

    /**
     * The run per planning period p = [pH, (p+1)H): the USD it incurred (FaaS invocations by start time, VM
     * billing spread over the billed seconds [launch, launch + billed)), the requests that arrived in it and
     * how many of them missed D. Times before 0 count in period 0, times at or after T in the last one,
     * so the costs sum to the run's cost.
     */
    public record Periods(double[] vmCostUsd, double[] faasCostUsd, long[] requests, long[] violations) {
        public double costUsd(int period) {
            return vmCostUsd[period] + faasCostUsd[period];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Periods that && Arrays.equals(vmCostUsd, that.vmCostUsd)
                    && Arrays.equals(faasCostUsd, that.faasCostUsd) && Arrays.equals(requests, that.requests)
                    && Arrays.equals(violations, that.violations);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(vmCostUsd), Arrays.hashCode(faasCostUsd), Arrays.hashCode(requests),
                    Arrays.hashCode(violations));
        }

        @Override
        public String toString() {
            return "Periods[" + vmCostUsd.length + " periods, cost " + (Arrays.stream(vmCostUsd).sum()
                    + Arrays.stream(faasCostUsd).sum()) + " USD, " + Arrays.stream(requests).sum() + " requests]";
        }
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
    private final double deadlineMs;
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

    // routing in force per stage
    private final int[] routePool;
    private final double[] routeAlpha;
    private final int[] routeCap;
    private final int[] routeMemory;
    // a plan's routing entries (index e * N + i) and the routing events of its period starts and changes
    private int[] entryPool;
    private double[] entryAlpha;
    private int[] entryCap;
    private int[] entryMemory;
    private double[] changeTime;
    private int[] changeEntry;
    private boolean[] changeResets;
    private final double[] memorySlowdown;
    private final double[] memoryGbFactor;
    private final double faasUsdPerRequest;
    private final double faasUsdPerGbMs;
    private final double faasGranularityMs;
    private final double faasColdStartSeconds;
    private final double faasKeepAliveSeconds;
    private final int memoryCount;

    // a plan's actions
    private double[] actionTime;
    private boolean[] actionLaunch;
    private int[] actionPool;
    private int[] actionCount;

    // routing state
    private final double[] credit;
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
    private final double[] periodFaasCostUsd;
    private final long[] periodRequests;
    private final long[] periodLate;
    private final long[] stageOverflow;
    private long late;

    // online runs: the policy, its observations and its log (observing is false for plans)
    private ProvisioningPolicy policy;
    private boolean observing;
    private int[] arrivalsPerSecond;
    private long[] exitCounts;
    private int[] busyWorkers;
    private double[] busyArea;
    private double[] busySince;
    private OnlineLog log;
    private double lastEpochTime = Double.NEGATIVE_INFINITY;
    private int nextWakeUpId;

    private ProvisioningSimulator(ProvisioningInstance instance, List<ProvisioningSolution.Pool> pools,
                                  boolean unguarded, ProvisioningRequests requests, long seed) {
        this.instance = instance;
        this.requests = requests;
        this.seed = seed;
        this.stageCount = instance.stages().size();
        this.periodCount = instance.periodCount();
        this.periodSeconds = instance.periodSeconds();
        this.horizonSeconds = instance.horizonSeconds();
        this.vmColdStartSeconds = instance.vmColdStartSeconds();
        this.guardPerWorker = unguarded ? Double.POSITIVE_INFINITY : instance.simulation().vmQueueGuardPerWorker();
        this.deadlineMs = instance.slo().latencyMs();
        this.periodFaasCostUsd = new double[periodCount];
        this.periodRequests = new long[periodCount];
        this.periodLate = new long[periodCount];
        this.stageOverflow = new long[stageCount];
        ProvisioningInstance.Transfers hops = instance.transferMs();
        hopSeconds[FROM_VM * 3 + FROM_VM] = hops.vmVm() / 1000;
        hopSeconds[FROM_VM * 3 + FROM_FAAS] = hops.vmFaas() / 1000;
        hopSeconds[FROM_FAAS * 3 + FROM_VM] = hops.faasVm() / 1000;
        hopSeconds[FROM_FAAS * 3 + FROM_FAAS] = hops.faasFaas() / 1000;

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

        routePool = new int[stageCount];
        routeAlpha = new double[stageCount];
        routeCap = new int[stageCount];
        routeMemory = new int[stageCount];
        actionTime = new double[0];
        actionLaunch = new boolean[0];
        actionPool = new int[0];
        actionCount = new int[0];

        credit = new double[stageCount];
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
        ProvisioningSimulator simulator = new ProvisioningSimulator(instance, solution.pools(), solution.unguarded(),
                requests, seed);
        simulator.loadPlan(solution);
        return simulator.simulate();
    }

    /**
     * An online run: what the policy did, as a plan that replays through {@link #run} to the same
     * outcome (its {@code recorded} block is this run's), and the run itself.
     */
    public record Online(ProvisioningSolution solution, Run run) {
    }

    /** Runs {@code policy} online on the seeded request stream of S1–S4. */
    public static Online runOnline(ProvisioningInstance instance, ProvisioningPolicy policy, long seed) {
        return runOnline(instance, policy, new ProvisioningRequestStream(instance, seed), seed);
    }

    /** Runs {@code policy} online on given requests; {@code seed} is only recorded. */
    public static Online runOnline(ProvisioningInstance instance, ProvisioningPolicy policy,
                                   ProvisioningRequests requests, long seed) {
        List<ProvisioningSolution.Pool> pools = policy.pools();
        ProvisioningSimulator simulator = new ProvisioningSimulator(instance, pools, policy.unguarded(), requests,
                seed);
        simulator.attach(policy);
        Run run = simulator.simulate();
        ProvisioningSolution solution = new ProvisioningSolution(policy.name(), pools, simulator.log.periods,
                simulator.log.actions, seed, run.outcome(), policy.unguarded()
                ? ProvisioningSolution.GUARD_OFF : ProvisioningSolution.GUARD_INSTANCE);
        return new Online(solution, run);
    }

    /**
     * The event loop. Timed actions, routing changes and period epochs are chained (each pushes the
     * next when it fires), so the heap holds only what is in flight.
     */
    private Run simulate() {
        if (actionTime.length > 0) {
            events.push(actionTime[0], ACTION << KIND_SHIFT, 0);
        }
        if (changeTime != null && changeTime.length > 0) {
            events.push(changeTime[0], ROUTING << KIND_SHIFT, 0);
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
                case (int) ACTION -> {
                    act(actionPool[payload], actionLaunch[payload], actionCount[payload], time);
                    if (payload + 1 < actionTime.length) {
                        events.push(actionTime[payload + 1], (ACTION << KIND_SHIFT) | (payload + 1), payload + 1);
                    }
                }
                case (int) ROUTING -> {
                    changeRouting(payload);
                    if (payload + 1 < changeTime.length) {
                        events.push(changeTime[payload + 1], (ROUTING << KIND_SHIFT) | (payload + 1), payload + 1);
                    }
                }
                case (int) EPOCH -> {
                    if (payload == PERIOD_EPOCH) {
                        pushPeriodEpoch(time + periodSeconds);
                    }
                    epoch(time);
                }
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
        if (observing) {
            arrivalsPerSecond[(int) time]++;
        }
        route(slot, 0, time, FROM_CLIENT);
    }

    /** S5: the routing decision of stage {@code stage}, then the hop (S8) and the entry. */
    private void route(int slot, int stage, double time, int from) {
        int pool = routePool[stage];
        boolean toVm = false;
        if (pool >= 0) {
            credit[stage] = Math.min(1, credit[stage] + routeAlpha[stage]);
            if (credit[stage] >= CREDIT_ONE) {
                long second = (long) Math.floor(time);
                if (counterSecond[stage] != second) {
                    counterSecond[stage] = second;
                    secondCount[stage] = 0;
                }
                boolean underCap = secondCount[stage] < routeCap[stage];
                boolean underGuard = guardPerWorker == Double.POSITIVE_INFINITY
                        || queues[pool].size() < guardPerWorker * readyWorkers[pool];
                if (underCap && underGuard) {
                    toVm = true;
                    credit[stage] -= 1;
                    secondCount[stage]++;
                } else {
                    overflow++;
                    stageOverflow[stage]++;
                }
            }
        }
        int target = toVm ? pool : -1;
        slotMemory[slot] = routeMemory[stage];
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
            stageOverflow[slotStage[slot]]++;
            startFaas(slot, time);
        }
    }

    private void startOnWorker(int slot, int worker, double time) {
        int vm = workerVm[worker];
        vmBusy[vm]++;
        if (observing) {
            changeBusy(vmPool[vm], 1, time);
        }
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
        double invocationUsd = faasUsdPerRequest + faasUsdPerGbMs * memoryGbFactor[memory] * billedMs;
        faasCostUsd += invocationUsd;
        periodFaasCostUsd[periodIndex(time)] += invocationUsd;
        events.push(time + delay + durationMs / 1000, (COMPLETION << KIND_SHIFT) | slotRequest[slot], slot);
    }

    private void complete(int slot, double time) {
        int stage = slotStage[slot];
        int worker = slotWorker[slot];
        if (worker < 0 && faasColdStartSeconds > 0) {
            idleContainers[stage * memoryCount + slotMemory[slot]].push(time);
        }
        if (stage == slotExit[slot]) {
            recordLatency(slotArrival[slot], (time - slotArrival[slot]) * 1000);
            if (observing) {
                exitCounts[stage]++;
            }
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
        if (observing) {
            changeBusy(pool, -1, time);
        }
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
    private void act(int pool, boolean launch, int count, double time) {
        if (launch) {
            for (int c = 0; c < count; c++) {
                int vm = newVm(pool, time);
                acceptingVms[pool]++;
                events.push(time + vmColdStartSeconds, (VM_READY << KIND_SHIFT) | vm, vm);
            }
            return;
        }
        for (int c = 0; c < count; c++) {
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
                int slot = queues[pool].poll();
                overflow++;
                stageOverflow[slotStage[slot]]++;
                startFaas(slot, time);
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

    private void recordLatency(double arrival, double latencyMs) {
        if (finished == latenciesMs.length) {
            latenciesMs = Arrays.copyOf(latenciesMs, 2 * finished);
        }
        latenciesMs[finished++] = latencyMs;
        int period = periodIndex(arrival);
        periodRequests[period]++;
        if (latencyMs > deadlineMs) {
            periodLate[period]++;
            late++;
        }
    }

    /** The planning period of a time, clamped to [0, T/H − 1]. */
    private int periodIndex(double time) {
        int period = (int) Math.floor(time / periodSeconds);
        return period < 0 ? 0 : Math.min(periodCount - 1, period);
    }

    /** Spreads {@code usd} over [from, to) in proportion to the overlap with each period (clamped ends). */
    private void spread(double[] perPeriod, double from, double to, double usd) {
        int first = periodIndex(from);
        int last = periodIndex(to);
        if (first == last || to <= from) {
            perPeriod[first] += usd;
            return;
        }
        double length = to - from;
        for (int p = first; p <= last; p++) {
            double start = p == first ? from : p * periodSeconds;
            double end = p == last ? to : (p + 1) * periodSeconds;
            perPeriod[p] += usd * (end - start) / length;
        }
    }

    /** S9 billing and S12 metrics. */
    private Run finish() {
        double minimumBilledSeconds = instance.vmMinBillingSeconds();
        double vmCostUsd = 0;
        double[] periodVmCostUsd = new double[periodCount];
        for (int vm = 0; vm < vmCount; vm++) {
            double end = vmState[vm] == DONE ? vmEnd[vm] : horizonSeconds;
            double billed = Math.max(minimumBilledSeconds, Math.ceil(end - vmLaunch[vm] - 1e-9));
            double usd = billed * poolUsdPerSecond[vmPool[vm]];
            vmCostUsd += usd;
            spread(periodVmCostUsd, vmLaunch[vm], vmLaunch[vm] + billed, usd);
        }
        double[] sorted = Arrays.copyOf(latenciesMs, finished);
        Arrays.sort(sorted);
        double violationFraction = finished == 0 ? 0 : (double) late / finished;
        ProvisioningOutcome outcome = new ProvisioningOutcome(seed, finished, vmCostUsd + faasCostUsd, vmCostUsd,
                faasCostUsd, nearestRank(sorted, 0.99), violationFraction,
                violationFraction <= instance.slo().violationProbability(), overflow, coldStarts);
        return new Run(outcome, nearestRank(sorted, 0.50), nearestRank(sorted, 0.95), nearestRank(sorted, 0.999),
                finished == 0 ? 0 : sorted[finished - 1],
                new Periods(periodVmCostUsd, periodFaasCostUsd, periodRequests, periodLate));
    }

    /** The value at index ⌈q·n⌉ − 1 of sorted values (0 when there are none). */
    static double nearestRank(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * Compiles a plan: its actions, its periods[] entries, and the routing events at every period start
     * (credit reset, the entry in force) and at every {@code fromSeconds}.
     */
    private void loadPlan(ProvisioningSolution solution) {
        List<ProvisioningSolution.Pool> pools = solution.pools();
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

        List<ProvisioningSolution.Period> entries = new ArrayList<>(solution.periods());
        entries.sort(Comparator.comparingDouble(entry -> entry.startSeconds(periodSeconds)));
        if (entries.isEmpty() || entries.get(0).period() != 0 || entries.get(0).fromSeconds() != null) {
            throw new IllegalArgumentException("The plan must list period 0; its first period is "
                    + (entries.isEmpty() ? "missing" : Integer.toString(entries.get(0).period())) + ".");
        }
        int entryCount = entries.size();
        entryPool = new int[entryCount * stageCount];
        entryAlpha = new double[entryCount * stageCount];
        entryCap = new int[entryCount * stageCount];
        entryMemory = new int[entryCount * stageCount];
        Arrays.fill(entryMemory, -1);
        int intraCount = 0;
        for (int e = 0; e < entryCount; e++) {
            ProvisioningSolution.Period entry = entries.get(e);
            if (entry.fromSeconds() != null) {
                intraCount++;
            }
            for (ProvisioningSolution.Routing routing : entry.routing()) {
                int at = e * stageCount + require(instance.stageIndex(routing.stage()), "stage " + routing.stage());
                entryPool[at] = routing.pool() == null ? -1 : require(poolIndex(pools, routing.pool()),
                        "pool " + routing.pool());
                entryAlpha[at] = routing.vmFraction();
                entryCap[at] = routing.vmMaxPerSecond() == null ? Integer.MAX_VALUE : routing.vmMaxPerSecond();
                entryMemory[at] = require(instance.faas().memoryOptionsMiB().indexOf(routing.faasMemoryMiB()),
                        "FaaS memory " + routing.faasMemoryMiB());
            }
            for (int i = 0; i < stageCount; i++) {
                if (entryMemory[e * stageCount + i] < 0) {
                    throw new IllegalArgumentException("Period " + entry.period() + " has no routing for stage "
                            + instance.stages().get(i).id() + ".");
                }
            }
        }
        applyEntry(0);
        int changes = periodCount - 1 + intraCount;
        changeTime = new double[changes];
        changeEntry = new int[changes];
        changeResets = new boolean[changes];
        int c = 0;
        int inForce = 0;
        for (int p = 1; p < periodCount; p++) {
            double start = (double) p * periodSeconds;
            for (int e = inForce + 1; e < entryCount && entries.get(e).startSeconds(periodSeconds) < start; e++) {
                changeTime[c] = insidePeriod(entries.get(e));
                changeEntry[c++] = e;
                inForce = e;
            }
            while (inForce + 1 < entryCount && entries.get(inForce + 1).startSeconds(periodSeconds) <= start) {
                inForce++;
            }
            changeTime[c] = start;
            changeEntry[c] = inForce;
            changeResets[c++] = true;
        }
        for (int e = inForce + 1; e < entryCount; e++) {
            changeTime[c] = insidePeriod(entries.get(e));
            changeEntry[c++] = e;
        }
        if (c != changes) {
            throw new IllegalArgumentException("The plan's periods[] entries are not in time order or start "
                    + "outside their period.\nMaybe it was not verified; ProvisioningVerifier reports such entries.");
        }
    }

    private static double insidePeriod(ProvisioningSolution.Period entry) {
        if (entry.fromSeconds() == null) {
            throw new IllegalArgumentException("Period " + entry.period() + " is listed out of order or out of range."
                    + "\nMaybe it was not verified; ProvisioningVerifier reports such entries.");
        }
        return entry.fromSeconds();
    }

    /** Online: the policy acts at t = 0 before the first request; epochs follow at every period start. */
    private void attach(ProvisioningPolicy online) {
        policy = online;
        observing = true;
        arrivalsPerSecond = new int[(int) horizonSeconds];
        exitCounts = new long[stageCount];
        busyWorkers = new int[poolCount];
        busyArea = new double[poolCount];
        busySince = new double[poolCount];
        log = new OnlineLog();
        for (int i = 0; i < stageCount; i++) {
            routePool[i] = -1;
            routeCap[i] = Integer.MAX_VALUE;
            routeMemory[i] = 0;
        }
        pushPeriodEpoch(periodSeconds);
        Control control = new Control(0, true);
        policy.epoch(control);
        control.close();
        lastEpochTime = 0;
        log.record(0, true);
    }

    private void pushPeriodEpoch(double time) {
        int p = (int) Math.round(time / periodSeconds);
        if (p < periodCount) {
            events.push((double) p * periodSeconds, (EPOCH << KIND_SHIFT) | nextWakeUpId++, PERIOD_EPOCH);
        }
    }

    /** Online: a period start or a wake-up; a second epoch at the same time is dropped. */
    private void epoch(double time) {
        if (time == lastEpochTime) {
            return;
        }
        lastEpochTime = time;
        int p = (int) Math.floor(time / periodSeconds);
        boolean periodStart = time == (double) p * periodSeconds;
        if (periodStart) {
            Arrays.fill(credit, 0);
        }
        Control control = new Control(time, false);
        policy.epoch(control);
        control.close();
        log.record(time, periodStart);
    }

    private void changeBusy(int pool, int delta, double time) {
        busyArea[pool] += busyWorkers[pool] * (time - busySince[pool]);
        busySince[pool] = time;
        busyWorkers[pool] += delta;
    }

    /** Ready VMs of a pool as the verifier counts them: launched by t − L^V and not terminated. */
    private int readyAt(int pool, double time) {
        int ready = 0;
        IntList vms = poolVms[pool];
        for (int k = 0; k < vms.size(); k++) {
            int vm = vms.get(k);
            if ((vmState[vm] == BOOTING || vmState[vm] == READY) && vmLaunch[vm] + vmColdStartSeconds <= time) {
                ready++;
            }
        }
        return ready;
    }

    private void changeRouting(int change) {
        if (changeResets[change]) {
            Arrays.fill(credit, 0);
        }
        applyEntry(changeEntry[change]);
    }

    private void applyEntry(int entry) {
        System.arraycopy(entryPool, entry * stageCount, routePool, 0, stageCount);
        System.arraycopy(entryAlpha, entry * stageCount, routeAlpha, 0, stageCount);
        System.arraycopy(entryCap, entry * stageCount, routeCap, 0, stageCount);
        System.arraycopy(entryMemory, entry * stageCount, routeMemory, 0, stageCount);
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

    /** The policy's view at one epoch: observations up to now, and its actions, applied at once. */
    private final class Control implements ProvisioningControl {
        private final double time;
        private final boolean initial;
        private boolean open = true;

        Control(double time, boolean initial) {
            this.time = time;
            this.initial = initial;
        }

        void close() {
            open = false;
        }

        private void requireOpen() {
            if (!open) {
                throw new IllegalStateException("A policy may act only during its epoch call.");
            }
        }

        @Override
        public ProvisioningInstance instance() {
            return instance;
        }

        @Override
        public double timeSeconds() {
            return time;
        }

        @Override
        public int arrivalsInSecond(int second) {
            if (second < 0 || second + 1 > time) {
                throw new IllegalArgumentException("Second " + second + " is not over at t = " + time + ".");
            }
            return arrivalsPerSecond[second];
        }

        @Override
        public long exits(int stage) {
            return exitCounts[stage];
        }

        @Override
        public double busyWorkerSeconds(int pool) {
            return busyArea[pool] + busyWorkers[pool] * (time - busySince[pool]);
        }

        @Override
        public long overflow(int stage) {
            return stageOverflow[stage];
        }

        @Override
        public long completed() {
            return finished;
        }

        @Override
        public long late() {
            return late;
        }

        @Override
        public int readyVms(int pool) {
            return readyWorkers[pool] / poolVcpus[pool];
        }

        @Override
        public int bootingVms(int pool) {
            return acceptingVms[pool] - readyWorkers[pool] / poolVcpus[pool];
        }

        @Override
        public int queueLength(int pool) {
            return queues[pool].size();
        }

        @Override
        public void launch(int pool, int count) {
            requireOpen();
            if (count <= 0) {
                return;
            }
            double at = initial ? -vmColdStartSeconds : time;
            act(pool, true, count, at);
            log.actions.add(new ProvisioningSolution.Action(at, ProvisioningSolution.Action.LAUNCH,
                    policy.pools().get(pool).id(), count));
        }

        @Override
        public void terminate(int pool, int count) {
            requireOpen();
            int effective = Math.min(count, acceptingVms[pool]);
            if (effective <= 0) {
                return;
            }
            act(pool, false, effective, time);
            log.actions.add(new ProvisioningSolution.Action(time, ProvisioningSolution.Action.TERMINATE,
                    policy.pools().get(pool).id(), effective));
        }

        @Override
        public void route(int stage, int pool, double vmFraction, Integer vmMaxPerSecond, int faasMemoryMiB) {
            requireOpen();
            int memory = instance.faas().memoryOptionsMiB().indexOf(faasMemoryMiB);
            if (memory < 0 || pool >= poolCount || !(vmFraction >= 0 && vmFraction <= 1)) {
                throw new IllegalArgumentException("Bad routing of stage " + stage + ": pool " + pool + ", α "
                        + vmFraction + ", memory " + faasMemoryMiB + ".");
            }
            routePool[stage] = pool < 0 ? -1 : pool;
            routeAlpha[stage] = pool < 0 ? 0 : vmFraction;
            routeCap[stage] = pool < 0 || vmMaxPerSecond == null ? Integer.MAX_VALUE : vmMaxPerSecond;
            routeMemory[stage] = memory;
        }

        @Override
        public void wakeUpAt(double when) {
            requireOpen();
            if (!(when > time)) {
                throw new IllegalArgumentException("A wake-up at " + when + " is not after t = " + time + ".");
            }
            if (when < horizonSeconds) {
                events.push(when, (EPOCH << KIND_SHIFT) | nextWakeUpId++, 0);
            }
        }
    }

    /** What an online policy did, as periods[] entries and actions of a plan. */
    private final class OnlineLog {
        final List<ProvisioningSolution.Period> periods = new ArrayList<>();
        final List<ProvisioningSolution.Action> actions = new ArrayList<>();
        private int[] loggedPool;
        private double[] loggedAlpha;
        private int[] loggedCap;
        private int[] loggedMemory;
        private int[] loggedReady;

        /**
         * After an epoch: a period start gets an entry when its routing or ready counts differ from the
         * entry in force; inside a period, a routing change gets an entry with {@code fromSeconds}.
         */
        void record(double time, boolean periodStart) {
            int[] ready = new int[poolCount];
            for (int q = 0; q < poolCount; q++) {
                ready[q] = readyAt(q, time);
            }
            boolean routingChanged = loggedPool == null || !Arrays.equals(loggedPool, routePool)
                    || !Arrays.equals(loggedAlpha, routeAlpha) || !Arrays.equals(loggedCap, routeCap)
                    || !Arrays.equals(loggedMemory, routeMemory);
            if (!routingChanged && !(periodStart && !Arrays.equals(loggedReady, ready))) {
                return;
            }
            int p = (int) Math.floor(time / periodSeconds);
            Map<String, Integer> vmCount = new LinkedHashMap<>();
            List<ProvisioningSolution.Routing> routing = new ArrayList<>();
            List<ProvisioningSolution.Pool> pools = policy.pools();
            for (int q = 0; q < poolCount; q++) {
                vmCount.put(pools.get(q).id(), ready[q]);
            }
            for (int i = 0; i < stageCount; i++) {
                routing.add(new ProvisioningSolution.Routing(instance.stages().get(i).id(),
                        instance.faas().memoryOptionsMiB().get(routeMemory[i]),
                        routePool[i] < 0 ? null : pools.get(routePool[i]).id(), routeAlpha[i],
                        routePool[i] < 0 || routeCap[i] == Integer.MAX_VALUE ? null : routeCap[i], null));
            }
            periods.add(new ProvisioningSolution.Period(p, periodStart ? null : time, vmCount, routing));
            loggedPool = routePool.clone();
            loggedAlpha = routeAlpha.clone();
            loggedCap = routeCap.clone();
            loggedMemory = routeMemory.clone();
            loggedReady = ready;
        }
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
