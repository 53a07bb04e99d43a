package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.common.Gaps;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampFirstFitPolicy;
import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampState;
import io.cloudopt.model.dvamp.DvampVm;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.solvers.common.CpSatSupport;
import io.cloudopt.solvers.common.SolveOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The clairvoyant {@code lookahead} expert of problems/dvamp.md §9: at each decision, the CP-SAT
 * model of {@link DvampCpSat} over the head and the next W−1 VMs, with the running VMs as fixed
 * loads until their ends, the head's start fixed to t and its slot restricted to the currently
 * feasible actions; the head's slot of the best schedule found is executed. When the solve finds
 * nothing in its step limit, first fit decides. A policy, not a bound.
 */
public final class DvampLookaheadPolicy implements DvampPolicy {
    public static final int DEFAULT_WINDOW = 20;
    public static final Duration DEFAULT_STEP_TIME_LIMIT = Duration.ofSeconds(1);

    private final int window;
    private final SolveOptions stepOptions;
    private final DvampPolicy fallback = new DvampFirstFitPolicy();
    private SolveStatus lastStatus = SolveStatus.UNKNOWN;
    private double lastRelGap = 1.0;

    /**
     * @param window        W, the VMs in each model (the head included)
     * @param stepTimeLimit the CP-SAT limit per decision
     * @param seed          CP-SAT's seed
     */
    public DvampLookaheadPolicy(int window, Duration stepTimeLimit, long seed) {
        if (window < 1) {
            throw new IllegalArgumentException("The window (" + window + ") must be at least 1 VM.");
        }
        this.window = window;
        this.stepOptions = new SolveOptions(stepTimeLimit, 1, seed, false);
    }

    @Override
    public String name() {
        return "lookahead";
    }

    /**
     * The status of the last decision's window solve: OPTIMAL also when a single action was feasible
     * (nothing to solve), UNKNOWN when first fit decided.
     */
    public SolveStatus lastStatus() {
        return lastStatus;
    }

    /** The relative gap of the last decision's window solve (1 when first fit decided). */
    public double lastRelGap() {
        return lastRelGap;
    }

    @Override
    public int choose(DvampState state, int vm) {
        DvampWorkload workload = state.workload();
        int[] feasible = state.feasibleActions(vm);
        if (feasible.length == 1) {
            lastStatus = SolveStatus.OPTIMAL;
            lastRelGap = 0.0;
            return feasible[0];
        }
        DvampInstance windowInstance = windowInstance(state, workload, vm);
        DvampOfflineData data = DvampOfflineData.window(windowInstance,
                new DvampOfflineData.Head(state.timeSeconds(), feasible, state.nodeCount()));
        DvampCpSat.Model built = DvampCpSat.buildModel(data);
        CpSatSupport.Outcome outcome = CpSatSupport.solve(built.model, stepOptions);
        lastStatus = outcome.status();
        lastRelGap = Gaps.relGap(outcome.objective(), outcome.bound());
        int action = outcome.status().hasSolution() ? built.action(outcome.solver(), 0) : -1;
        if (action < 0 || !state.feasible(vm, action)) {
            lastStatus = SolveStatus.UNKNOWN;
            lastRelGap = 1.0;
            return fallback.choose(state, vm);
        }
        return action;
    }

    /** The head and the next W−1 VMs, starting at t in a cluster holding the running VMs. */
    private DvampInstance windowInstance(DvampState state, DvampWorkload workload, int head) {
        long clock = state.timeSeconds();
        List<DvampInitialVm> running = new ArrayList<>();
        for (long[] row : state.running()) {
            long end = row[0];
            if (end <= clock) {
                continue;
            }
            int node = (int) row[1];
            int cpuHalf = (int) row[2];
            int memoryHalf = (int) row[3];
            boolean isDouble = node < 0;
            running.add(new DvampInitialVm("running" + running.size(), isDouble ? cpuHalf : cpuHalf / 2,
                    isDouble ? memoryHalf : memoryHalf / 2, isDouble ? -node - 1 : node >> 1,
                    isDouble ? null : node & 1, end));
        }
        int count = Math.min(window, workload.length() - head);
        List<DvampVm> vms = new ArrayList<>(count);
        for (int j = head; j < head + count; j++) {
            vms.add(new DvampVm(workload.id(j), workload.cpuCores(j), workload.memoryGiB(j),
                    workload.arrivalSeconds(j), workload.lifetimeSeconds(j)));
        }
        return new DvampInstance("lookahead-window", "", Source.NONE, DvampSemantics.SPANE, workload.pmCount(),
                workload.cpuCapacityHalf() / 2, workload.memoryCapacityHalf() / 2, workload.doubleThresholdGiB(), true,
                DvampEpisode.placements(count), null, clock, running, vms);
    }
}
