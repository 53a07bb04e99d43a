package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSimulator;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.common.SolveReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a final mapping into an ordered, valid migration plan (problems/rescheduling.md §7
 * "Sequencing"): repeatedly apply the pending VM whose final location is feasible now and lowers
 * the fragments most; when none is (a cycle), park a pending VM on a third location. Plans longer
 * than k are re-solved with a smaller k (at most 3 times) or truncated to a valid prefix.
 */
public final class ReschedulingSequencer {
    /** Re-solves with k reduced by the excess, at most this many times. */
    static final int MAX_RESOLVES = 3;
    /** Share of the time limit given to the first mapping solve; re-solves share the rest. */
    static final double FIRST_SOLVE_SHARE = 0.85;

    /** This sequencer for mapping solvers that sequence themselves: parking allowed, cut to maxMigrations. */
    public static final MappingSequencer PARKING = (instance, target) -> {
        Sequence sequence = sequence(instance, target);
        return sequence.counted() > instance.maxMigrations()
                ? truncate(instance, sequence, instance.maxMigrations()).plan() : sequence.plan();
    };

    private ReschedulingSequencer() {
    }

    /**
     * An ordered plan from the initial placement, the state it ends in, its counted migrations, the
     * parking steps it needed, and whether it reaches the target mapping.
     */
    public record Sequence(List<ReschedulingSolution.Step> plan, ReschedulingState finalState, int counted,
                           int parkings, boolean complete) {
        public Sequence {
            plan = List.copyOf(plan);
        }
    }

    /**
     * A final mapping from a mapping model: the target state (null when none was found), the model's
     * status, and a proven lower bound on the final fragment cores (−1 when none).
     */
    record Mapping(ReschedulingState target, SolveStatus status, Termination termination, long boundFragments,
                   Map<String, Object> stats) {
    }

    /** A mapping model solved for a migration limit within a time limit. */
    @FunctionalInterface
    interface MappingSolver {
        Mapping solve(int k, Duration timeLimit);
    }

    /** The plan that realises {@code target} from the instance's initial placement (every step valid). */
    public static Sequence sequence(ReschedulingInstance instance, ReschedulingState target) {
        ReschedulingState state = ReschedulingState.initial(instance);
        List<Integer> pending = new ArrayList<>();
        int movable = 0;
        for (int v = 0; v < state.vmCount(); v++) {
            movable += state.isMovable(v) ? 1 : 0;
            if (state.host(v) != target.host(v) || state.numaMask(v) != target.numaMask(v)) {
                pending.add(v);
            }
        }
        long maxSteps = (long) instance.maxMigrations() + movable;
        boolean[] parkedSinceProgress = new boolean[state.vmCount()];
        List<ReschedulingSolution.Step> plan = new ArrayList<>();
        int counted = 0;
        int parkings = 0;
        while (!pending.isEmpty() && plan.size() < maxSteps) {
            int best = -1;
            long bestDecrease = Long.MIN_VALUE;
            for (int i = 0; i < pending.size(); i++) {
                int v = pending.get(i);
                int toPm = target.host(v);
                int toMask = target.numaMask(v);
                if (ReschedulingSimulator.stepError(state, v, toPm, toMask, ReschedulingSimulator.Rules.STRICT) == null) {
                    long decrease = -fragmentChange(state, v, toPm, toMask);
                    if (decrease > bestDecrease) {
                        bestDecrease = decrease;
                        best = i;
                    }
                }
            }
            if (best >= 0) {
                int v = pending.remove(best);
                counted += apply(state, v, target.host(v), target.numaMask(v), plan);
                Arrays.fill(parkedSinceProgress, false);
                continue;
            }
            boolean parked = false;
            for (int v : pending) {
                if (parkedSinceProgress[v]) {
                    continue;
                }
                int[] spot = parkingSpot(state, v, target.host(v), target.numaMask(v));
                if (spot != null) {
                    counted += apply(state, v, spot[0], spot[1], plan);
                    parkedSinceProgress[v] = true;
                    parkings++;
                    parked = true;
                    break;
                }
            }
            if (!parked) {
                break;
            }
        }
        return new Sequence(plan, state, counted, parkings, pending.isEmpty());
    }

    /** The longest prefix of {@code sequence} with at most {@code k} counted migrations. */
    public static Sequence truncate(ReschedulingInstance instance, Sequence sequence, int k) {
        ReschedulingState state = ReschedulingState.initial(instance);
        List<ReschedulingSolution.Step> prefix = new ArrayList<>();
        int counted = 0;
        for (ReschedulingSolution.Step step : sequence.plan()) {
            int v = state.vmIndex(step.vm());
            int toPm = state.pmIndex(step.toPm());
            int cost = ReschedulingSimulator.cost(state, v, toPm);
            if (counted + cost > k) {
                break;
            }
            counted += cost;
            state.move(v, toPm, ReschedulingState.mask(step.toNumas()));
            prefix.add(step);
        }
        return new Sequence(prefix, state, counted, sequence.parkings(), false);
    }

    /**
     * Solves the mapping model, sequences its mapping, re-solves with k reduced by the excess when the
     * plan counts more than k (at most {@link #MAX_RESOLVES} times), else truncates. OPTIMAL only if
     * the first mapping is optimal and needed no parking, or the plan meets the proven bound.
     */
    static SolveReport<ReschedulingSolution> plan(ReschedulingInstance instance, Duration timeLimit,
                                                  MappingSolver solver) {
        long started = System.nanoTime();
        int k = instance.maxMigrations();
        Mapping first = solver.solve(k, scale(timeLimit, FIRST_SOLVE_SHARE));
        Map<String, Object> stats = new LinkedHashMap<>(first.stats());
        ReschedulingState initial = ReschedulingState.initial(instance);
        long bound = Math.max(first.boundFragments(), ReschedulingBounds.fragments(initial, k));
        Double boundRate = first.boundFragments() < 0 ? null : ReschedulingBounds.rate(bound, initial.freeCores());
        if (first.target() == null) {
            return new SolveReport<>(first.status(), first.termination(), null, null, boundRate,
                    Duration.ofNanos(System.nanoTime() - started), stats);
        }
        Sequence sequence = sequence(instance, first.target());
        int reducedK = k;
        int resolves = 0;
        while (sequence.counted() > k && resolves < MAX_RESOLVES) {
            reducedK -= sequence.counted() - k;
            if (reducedK < 0) {
                break;
            }
            Duration left = timeLimit.minusNanos(System.nanoTime() - started);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            Mapping again = solver.solve(reducedK, left.dividedBy(MAX_RESOLVES - resolves));
            resolves++;
            if (again.target() == null) {
                break;
            }
            Sequence next = sequence(instance, again.target());
            if (next.counted() <= k || next.counted() < sequence.counted()) {
                sequence = next;
            }
        }
        boolean truncated = sequence.counted() > k;
        if (truncated) {
            sequence = truncate(instance, sequence, k);
        }
        ReschedulingState end = sequence.finalState();
        boolean exact = first.status() == SolveStatus.OPTIMAL && resolves == 0 && sequence.parkings() == 0
                && sequence.complete();
        boolean meetsBound = boundRate != null && end.totalFragments() <= bound;
        SolveStatus status = exact || meetsBound ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        Termination termination = status == SolveStatus.OPTIMAL ? Termination.CONVERGED : first.termination();
        stats.put("parkings", sequence.parkings());
        stats.put("resolves", resolves);
        stats.put("truncated", truncated);
        stats.put("counted", sequence.counted());
        stats.put("boundFragments", boundRate == null ? null : bound);
        ReschedulingSolution solution = ReschedulingProblem.fromPlan(end, sequence.plan(), false);
        return new SolveReport<>(status, termination, solution, end.fragmentRate(), boundRate,
                Duration.ofNanos(System.nanoTime() - started), stats);
    }

    private static Duration scale(Duration duration, double share) {
        return Duration.ofNanos((long) (duration.toNanos() * share));
    }

    /** Applies one step, appends it to the plan and returns its counted cost. */
    private static int apply(ReschedulingState state, int v, int toPm, int toMask,
                             List<ReschedulingSolution.Step> plan) {
        int cost = ReschedulingSimulator.cost(state, v, toPm);
        plan.add(new ReschedulingSolution.Step(plan.size(), state.vmId(v), state.pmId(state.host(v)),
                ReschedulingState.numas(state.numaMask(v)), state.pmId(toPm), ReschedulingState.numas(toMask)));
        state.move(v, toPm, toMask);
        return cost;
    }

    /** Change of Σ(f mod G) if VM v moved to (toPm, toMask) (negative = fewer fragments). */
    private static long fragmentChange(ReschedulingState state, int v, int toPm, int toMask) {
        int fromPm = state.host(v);
        int fromMask = state.numaMask(v);
        long before = state.fragments(fromPm) + (toPm != fromPm ? state.fragments(toPm) : 0);
        state.move(v, toPm, toMask);
        long after = state.fragments(fromPm) + (toPm != fromPm ? state.fragments(toPm) : 0);
        state.move(v, fromPm, fromMask);
        return after - before;
    }

    /** The feasible (PM, mask) ∉ {current, final} with the fewest fragments after, or null. */
    private static int[] parkingSpot(ReschedulingState state, int v, int finalPm, int finalMask) {
        int[] best = null;
        long bestChange = Long.MAX_VALUE;
        int[] masks = state.isDouble(v) ? new int[] {3} : new int[] {1, 2};
        for (int p = 0; p < state.pmCount(); p++) {
            if (!state.isActive(p)) {
                continue;
            }
            for (int mask : masks) {
                if (p == finalPm && mask == finalMask || p == state.host(v) && mask == state.numaMask(v)) {
                    continue;
                }
                if (ReschedulingSimulator.stepError(state, v, p, mask, ReschedulingSimulator.Rules.STRICT) != null) {
                    continue;
                }
                long change = fragmentChange(state, v, p, mask);
                if (change < bestChange) {
                    bestChange = change;
                    best = new int[] {p, mask};
                }
            }
        }
        return best;
    }
}
