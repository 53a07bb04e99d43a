package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSimulator;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The greedy of problems/rescheduling.md §9: repeatedly take the VM whose removal frees the most
 * fragment cores and put it where it fills the most, while that lowers the total fragments and the
 * budget lasts. {@link Variant#VMR2L} is an exact port of the original {@code heuristics.py},
 * quirks included (every VM a candidate, every PM a target, memory and groups never checked).
 */
public final class ReschedulingGreedy implements Solver<ReschedulingInstance, ReschedulingSolution> {
    /** The original code's hard-coded candidate limit (the corrected greedy uses G). */
    static final int VMR2L_CANDIDATE_CORES = 16;

    private final Variant variant;

    public enum Variant {
        /** Memory checked, only ACTIVE targets, only movable VMs, groups respected. */
        CORRECTED,
        /** The original code's behaviour, for parity. */
        VMR2L
    }

    public ReschedulingGreedy(Variant variant) {
        this.variant = variant;
    }

    @Override
    public String name() {
        return variant == Variant.VMR2L ? ReschedulingProblem.VMR2L_SOLVER : "greedy";
    }

    /** One accepted move of the greedy. */
    public record Move(int vm, int toPm, int toMask, int decrease, int increase) {
    }

    @Override
    public SolveReport<ReschedulingSolution> solve(ReschedulingInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        ReschedulingState state = ReschedulingState.initial(instance);
        Map<String, Object> stats = new LinkedHashMap<>();
        if (variant == Variant.VMR2L) {
            for (int v = 0; v < state.vmCount(); v++) {
                if (!state.allowsMigration(v)) {
                    throw InputException.usage("greedy-vmr2l: the VMR2L code cannot load pinned VMs");
                }
            }
            if (!instance.antiAffinityGroups().isEmpty()) {
                stats.put("warning", "greedy-vmr2l ignores the " + instance.antiAffinityGroups().size()
                        + " anti-affinity groups, as the original code does");
            }
        }
        List<ReschedulingSolution.Step> plan = new ArrayList<>();
        run(state, instance.maxMigrations(), plan, null);
        ReschedulingSolution solution = ReschedulingProblem.fromPlan(state, plan, variant == Variant.VMR2L);
        stats.put("steps", plan.size());
        return new SolveReport<>(SolveStatus.FEASIBLE, Termination.CONVERGED, solution, state.fragmentRate(), null,
                Duration.ofNanos(System.nanoTime() - started), stats);
    }

    /** The final state of the corrected greedy on {@code instance} (a warm start for the exact models). */
    public static ReschedulingState finalState(ReschedulingInstance instance) {
        ReschedulingState state = ReschedulingState.initial(instance);
        new ReschedulingGreedy(Variant.CORRECTED).run(state, instance.maxMigrations(), new ArrayList<>(), null);
        return state;
    }

    /**
     * Runs the greedy from {@code state} (changed in place) with {@code budget} counted migrations,
     * appending its steps to {@code plan} and, if given, its moves to {@code moves}.
     */
    public void run(ReschedulingState state, int budget, List<ReschedulingSolution.Step> plan, List<Move> moves) {
        int counted = 0;
        int g = state.fragmentCpuCores();
        while (counted < budget) {
            // 1. The candidate whose removal frees the most fragment cores (first maximum).
            int chosen = -1;
            int bestDecrease = Integer.MIN_VALUE;
            for (int v = 0; v < state.vmCount(); v++) {
                if (!isCandidate(state, v)) {
                    continue;
                }
                int h = state.host(v);
                int decrease = 0;
                for (int n = 0; n < 2; n++) {
                    int f = state.freeCpu(h, n);
                    int share = (state.numaMask(v) & (1 << n)) != 0 ? state.cpuShare(v) : 0;
                    decrease += Math.floorMod(f, g) - Math.floorMod(f + share, g);
                }
                if (decrease > bestDecrease) {
                    bestDecrease = decrease;
                    chosen = v;
                }
            }
            if (chosen < 0) {
                return;
            }
            // 2. The target that fills the most, with the VM taken out (its own place included).
            int fromPm = state.host(chosen);
            int fromMask = state.numaMask(chosen);
            int bestIncrease = Integer.MIN_VALUE;
            int bestPm = -1;
            int bestMask = 0;
            for (int p = 0; p < state.pmCount(); p++) {
                if (variant == Variant.CORRECTED && !state.isActive(p)) {
                    continue;
                }
                for (int mask : state.isDouble(chosen) ? new int[] {3} : new int[] {1, 2}) {
                    if (!state.fits(chosen, p, mask, variant == Variant.CORRECTED)) {
                        continue;
                    }
                    if (variant == Variant.CORRECTED && !state.groupsAllow(chosen, p)) {
                        continue;
                    }
                    int increase = 0;
                    for (int n = 0; n < 2; n++) {
                        int f = state.freeCpu(p, n);
                        if (p == fromPm && (fromMask & (1 << n)) != 0) {
                            f += state.cpuShare(chosen);
                        }
                        int share = (mask & (1 << n)) != 0 ? state.cpuShare(chosen) : 0;
                        increase += Math.floorMod(f, g) - Math.floorMod(f - share, g);
                    }
                    if (increase > bestIncrease) {
                        bestIncrease = increase;
                        bestPm = p;
                        bestMask = mask;
                    }
                }
            }
            // 3. Stop when the move would not lower the total fragments.
            if (bestPm < 0 || bestDecrease + bestIncrease <= 0) {
                return;
            }
            int cost = ReschedulingSimulator.cost(state, chosen, bestPm);
            if (counted + cost > budget) {
                return;
            }
            plan.add(new ReschedulingSolution.Step(plan.size(), state.vmId(chosen), state.pmId(fromPm),
                    ReschedulingState.numas(fromMask), state.pmId(bestPm), ReschedulingState.numas(bestMask)));
            if (moves != null) {
                moves.add(new Move(chosen, bestPm, bestMask, bestDecrease, bestIncrease));
            }
            state.move(chosen, bestPm, bestMask);
            counted += cost;
        }
    }

    private boolean isCandidate(ReschedulingState state, int vm) {
        int total = (state.isDouble(vm) ? 2 : 1) * state.cpuShare(vm);
        if (variant == Variant.VMR2L) {
            return total <= VMR2L_CANDIDATE_CORES;
        }
        return state.isMovable(vm) && total <= state.fragmentCpuCores();
    }
}
