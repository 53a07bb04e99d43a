package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.dvamp.DvampFirstFitPolicy;
import io.cloudopt.model.dvamp.DvampPlacement;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.model.dvamp.DvampState;
import io.cloudopt.model.dvamp.DvampWorkload;

/**
 * {@code replay} (problems/dvamp.md §9): executes a solution's slot for each VM when it is feasible
 * at the simulator's t, else first fit. Replaying an online run reproduces it; replaying an offline
 * schedule (CP-SAT, Timefold) gives a work-conserving online run with the same slots where they fit.
 */
public final class DvampReplayPolicy implements DvampPolicy {
    private final int[] actions;
    private final DvampFirstFitPolicy fallback = new DvampFirstFitPolicy();
    private int fallbacks;

    public DvampReplayPolicy(DvampSolution solution) {
        this.actions = solution.placements().stream().mapToInt(DvampPlacement::action).toArray();
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public void beginEpisode(DvampWorkload workload, int episode) {
        fallbacks = 0;
    }

    @Override
    public int choose(DvampState state, int vm) {
        if (vm < actions.length && state.feasible(vm, actions[vm])) {
            return state.workload().isDouble(vm) ? actions[vm] & ~1 : actions[vm];
        }
        fallbacks++;
        return fallback.choose(state, vm);
    }

    /** The decisions of the last episode that fell back to first fit. */
    public int fallbacks() {
        return fallbacks;
    }
}
