package io.cloudopt.model.dvamp;

import java.util.Arrays;

/**
 * The dynamic rules of problems/dvamp.md §5, event by event, asking a {@link DvampPolicy} for every
 * placement. One simulator per workload; {@link #run} may be called many times (state is reset).
 * Not thread-safe.
 */
public final class DvampSimulator {
    private final DvampWorkload workload;
    private final DvampState state;

    public DvampSimulator(DvampWorkload workload) {
        this.workload = workload;
        this.state = new DvampState(workload);
    }

    public DvampWorkload workload() {
        return workload;
    }

    /** Runs an instance's own episode with {@code policy}. */
    public static DvampRun run(DvampInstance instance, DvampPolicy policy, int episode, DvampObserver observer) {
        DvampWorkload workload = DvampWorkload.of(instance);
        policy.beginEpisode(workload, episode);
        return new DvampSimulator(workload).run(policy, instance.semantics(), instance.departures(),
                instance.episode(), observer);
    }

    /** Runs one episode from the workload's start state. */
    public DvampRun run(DvampPolicy policy, DvampSemantics semantics, boolean departures, DvampEpisode episode,
                        DvampObserver observer) {
        return semantics == DvampSemantics.SPANE
                ? runSpane(policy, episode, observer)
                : runVmagent(policy, departures, episode, observer);
    }

    private DvampRun runSpane(DvampPolicy policy, DvampEpisode episode, DvampObserver observer) {
        int n = workload.length;
        int cap = episode.mode() == DvampEpisode.Mode.PLACEMENTS ? episode.placements() : n;
        boolean exceed = episode.mode() == DvampEpisode.Mode.EXCEED;
        int extra = exceed ? episode.extraPlacements() : 0;
        int[] actions = new int[Math.min(cap, 1024)];
        long[] starts = new long[actions.length];

        startState();
        // S3: t := max(clockSeconds, at_0); S7 runs before the first decision.
        state.timeSeconds = n == 0 ? workload.clockSeconds : Math.max(workload.clockSeconds, workload.arrivalSeconds(0));
        long totalWait = 0;
        double rewardSum = 0;
        int placed = 0;
        boolean exceededFlag = false;
        int exceededAt = -1;
        int counted = 0;
        while (placed < cap) {
            int vm = placed;
            advance(vm);
            int action = policy.choose(state, vm);
            if (!state.feasible(vm, action)) {
                throw new IllegalStateException("policy " + policy.name() + " chose infeasible action " + action
                        + " for vm " + workload.id(vm) + " at t=" + state.timeSeconds);
            }
            if (workload.isDouble(vm)) {
                action &= ~1;
            }
            long t = state.timeSeconds;
            long wait = t - workload.arrivalSeconds(vm);
            double reward = reward(wait);
            observer.decision(state, vm, action, wait, reward);
            place(vm, action, t);
            if (placed == actions.length) {
                actions = Arrays.copyOf(actions, Math.min(cap, placed * 2));
                starts = Arrays.copyOf(starts, actions.length);
            }
            actions[placed] = action;
            starts[placed] = t;
            totalWait += wait;
            rewardSum += reward;
            placed++;
            // S6: termination, checked before any time advance.
            if (placed >= n) {
                break;
            }
            if (exceed) {
                if (exceededFlag) {
                    counted++;
                } else if (!state.fitsSomewhere(placed)) {
                    exceededFlag = true;
                    exceededAt = placed;
                    counted = 1;
                }
                if (exceededFlag && counted >= extra) {
                    break;
                }
            }
        }
        return new DvampRun(placed, Arrays.copyOf(actions, placed), Arrays.copyOf(starts, placed), totalWait,
                rewardSum, -1, exceededAt);
    }

    /**
     * S5's reward −log1p(wait). In the SPANE suite 96 % of the VMs start on arrival, and Math.log1p
     * is a library call on the simulator's hottest line, so wait 0 is answered without it: −0.0 is
     * the value of −log1p(0), so reward sums stay bit-identical.
     */
    private static double reward(long waitSeconds) {
        return waitSeconds == 0 ? -0.0 : -Math.log1p(waitSeconds);
    }

    /** S7: move the clock until VM {@code vm} (the queue head) fits. */
    private void advance(int vm) {
        long arrival = workload.arrivalSeconds(vm);
        // (a) release every departure with end <= at_j'.
        while (state.hasRunning() && state.nextEndSeconds() <= arrival) {
            long end = state.releaseNext();
            if (end > state.timeSeconds) {
                state.timeSeconds = end;
            }
        }
        // (b) the head fits: start no earlier than its arrival.
        if (state.fitsSomewhere(vm)) {
            state.timeSeconds = Math.max(state.timeSeconds, arrival);
            return;
        }
        // (c) jump from departure epoch to departure epoch, releasing all that end there.
        while (true) {
            if (!state.hasRunning()) {
                throw new IllegalStateException("vm " + workload.id(vm) + " fits no empty PM");
            }
            long epoch = state.nextEndSeconds();
            state.timeSeconds = Math.max(state.timeSeconds, epoch);
            while (state.hasRunning() && state.nextEndSeconds() == epoch) {
                state.releaseNext();
            }
            if (state.fitsSomewhere(vm)) {
                return;
            }
        }
    }

    private DvampRun runVmagent(DvampPolicy policy, boolean departures, DvampEpisode episode, DvampObserver observer) {
        int n = workload.length;
        int cap = episode.mode() == DvampEpisode.Mode.PLACEMENTS ? episode.placements() : n;
        int[] actions = new int[Math.min(cap, 1024)];
        long[] starts = new long[actions.length];
        startState();
        int placed = 0;
        int failed = -1;
        double rewardSum = 0;
        while (placed < cap) {
            int vm = placed;
            long arrival = workload.arrivalSeconds(vm);
            state.timeSeconds = arrival;
            if (departures) {
                while (state.hasRunning() && state.nextEndSeconds() <= arrival) {
                    state.releaseNext();
                }
            }
            if (!state.fitsSomewhere(vm)) {
                failed = vm;
                break;
            }
            int action = policy.choose(state, vm);
            if (!state.feasible(vm, action)) {
                throw new IllegalStateException("policy " + policy.name() + " chose infeasible action " + action
                        + " for vm " + workload.id(vm) + " at t=" + arrival);
            }
            if (workload.isDouble(vm)) {
                action &= ~1;
            }
            observer.decision(state, vm, action, 0, 1.0);
            place(vm, action, arrival);
            if (placed == actions.length) {
                actions = Arrays.copyOf(actions, Math.min(cap, placed * 2));
                starts = Arrays.copyOf(starts, actions.length);
            }
            actions[placed] = action;
            starts[placed] = arrival;
            rewardSum += 1.0;
            placed++;
        }
        return new DvampRun(placed, Arrays.copyOf(actions, placed), Arrays.copyOf(starts, placed), 0L, rewardSum,
                failed, -1);
    }

    private void startState() {
        state.reset();
        for (DvampInitialVm vm : workload.initialVms) {
            boolean isDouble = vm.memoryGiB() > workload.doubleThresholdGiB;
            int cpu = isDouble ? vm.cpuCores() : 2 * vm.cpuCores();
            int mem = isDouble ? vm.memoryGiB() : 2 * vm.memoryGiB();
            int node = isDouble ? -vm.pm() - 1 : 2 * vm.pm() + vm.numa();
            state.occupy(node, cpu, mem, vm.endSeconds());
        }
    }

    private void place(int vm, int action, long t) {
        int node = workload.isDouble(vm) ? -(action >> 1) - 1 : action;
        state.occupy(node, workload.cpuNeedHalf(vm), workload.memoryNeedHalf(vm), t + workload.lifetimeSeconds(vm));
    }
}
