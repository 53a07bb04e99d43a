package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * {@code milp-agg-reduced}: the type-aggregated mapping model of problems/rescheduling.md §7 on
 * SCIP, shrunk by the heuristic reductions of §7 [ours] and warm started from the greedy:
 * <ul>
 *   <li>scope: the ACTIVE PMs with fragments in the initial placement or in the greedy's mapping
 *       (a PM whose NUMAs hold multiples of G can neither give nor take a slot-gaining move);</li>
 *   <li>pool: the movable VMs on them whose cpu share is not a multiple of G (moving the others
 *       changes no residue), plus every VM the greedy moved.</li>
 * </ul>
 * Every other VM stays where it is. The model is solved in stages, each warm started from the best
 * mapping so far:
 * <ol>
 *   <li>deepening: the same stages for ⌊k/2⌋ (when that is at least {@value #MIN_DEEPENING_K}); a
 *       mapping that moves at most ⌊k/2⌋ VMs is feasible for k, and a good incumbent with room
 *       left in the budget lets SCIP prune and repair far earlier than the greedy's;</li>
 *   <li>narrow: targets limited to the NUMAs whose free cores are not a multiple of G (plus where
 *       the warm start puts VMs), a further reduction of §7 that shrinks the search;</li>
 *   <li>wide: every NUMA of the scope as a target, from the narrow stage's mapping.</li>
 * </ol>
 * A stage that proves its model optimal ends early and hands its time to the next. The reductions
 * are not proven safe, so the model's bound says nothing about the instance and none is reported.
 * One SCIP thread: deterministic (the seed is not used) whenever every stage proves its model
 * optimal before its time share runs out; otherwise the mapping depends on how far SCIP got.
 */
public final class ReschedulingReducedMilp implements Solver<ReschedulingInstance, ReschedulingSolution> {
    /** The smallest budget solved as a deepening stage. */
    static final int MIN_DEEPENING_K = 10;
    /** Share of a solve's time given to the deepening stage (⌊k/2⌋, itself staged). */
    static final double DEEPENING_SHARE = 0.25;
    /** Share of the time left after deepening given to the narrow stage; the wide stage gets the rest. */
    static final double NARROW_SHARE = 0.4;
    /** A stage is skipped when less time than this is left for it (SCIP is always given 200 ms). */
    static final Duration MIN_STAGE = Duration.ofMillis(300);

    @Override
    public String name() {
        return "milp-agg-reduced";
    }

    @Override
    public SolveReport<ReschedulingSolution> solve(ReschedulingInstance instance, SolveOptions options) {
        return ReschedulingSequencer.plan(instance, options.timeLimit(), (k, limit) -> {
            long deadline = System.nanoTime() + limit.toNanos();
            Map<String, Object> stats = new LinkedHashMap<>();
            ReschedulingSequencer.Mapping mapping = staged(instance, k, deadline, options, stats);
            stats.putAll(mapping.stats());
            stats.remove("modelBoundFragments");
            // The reduced model's optimum is not the instance's: never OPTIMAL, no bound.
            return new ReschedulingSequencer.Mapping(mapping.target(), SolveStatus.FEASIBLE, mapping.termination(), -1,
                    stats);
        });
    }

    /**
     * The best mapping of the staged solve for budget k by {@code deadline} (System.nanoTime):
     * deepening at ⌊k/2⌋, then the narrow and the wide reduced model, each hinted with the best so far.
     * Records each stage's reduced-model status and fragment cores in {@code stats}.
     */
    private static ReschedulingSequencer.Mapping staged(ReschedulingInstance instance, int k, long deadline,
                                                        SolveOptions options, Map<String, Object> stats) {
        ReschedulingInstance atK = instance.withMaxMigrations(k);
        ReschedulingState best = ReschedulingGreedy.finalState(atK);
        ReschedulingSequencer.Mapping last = new ReschedulingSequencer.Mapping(best, SolveStatus.FEASIBLE,
                Termination.CONVERGED, -1, Map.of());
        if (k / 2 >= MIN_DEEPENING_K) {
            long share = (long) ((deadline - System.nanoTime()) * DEEPENING_SHARE);
            ReschedulingSequencer.Mapping deeper = staged(instance, k / 2, System.nanoTime() + share, options, stats);
            best = better(best, deeper.target());
        }
        for (Stage stage : Stage.values()) {
            long left = deadline - System.nanoTime();
            long share = stage == Stage.NARROW ? (long) (left * NARROW_SHARE) : left;
            if (share < MIN_STAGE.toNanos()) {
                continue;
            }
            AggregatedModel model = reduced(atK, best);
            if (stage == Stage.NARROW) {
                model.restrictTargets(narrowTargets(atK, best));
            }
            last = ReschedulingAggMilp.solve(model, best, options.withTime(Duration.ofNanos(share)));
            best = better(best, last.target());
            stats.put("k" + k + "_" + stage.name().toLowerCase(Locale.ROOT),
                    last.status().name() + " " + best.totalFragments());
        }
        return new ReschedulingSequencer.Mapping(best, SolveStatus.FEASIBLE, last.termination(), -1, last.stats());
    }

    /** The stages at one budget, in order. */
    private enum Stage {
        NARROW, WIDE
    }

    private static ReschedulingState better(ReschedulingState incumbent, ReschedulingState candidate) {
        return candidate != null && candidate.totalFragments() < incumbent.totalFragments() ? candidate : incumbent;
    }

    /**
     * The NUMAs a moving VM may go to in the narrow stage: those whose initial free cores are not a
     * multiple of G, and those where {@code hint} puts a moved VM (so the hint stays feasible).
     */
    static BiPredicate<Integer, Integer> narrowTargets(ReschedulingInstance instance, ReschedulingState hint) {
        ReschedulingState initial = ReschedulingState.initial(instance);
        int g = initial.fragmentCpuCores();
        boolean[] target = new boolean[2 * initial.pmCount()];
        for (int p = 0; p < initial.pmCount(); p++) {
            for (int n = 0; n < 2; n++) {
                target[2 * p + n] = initial.freeCpu(p, n) % g != 0;
            }
        }
        for (int v = 0; v < initial.vmCount(); v++) {
            if (hint.host(v) != initial.host(v) || hint.numaMask(v) != initial.numaMask(v)) {
                for (int n = 0; n < 2; n++) {
                    target[2 * hint.host(v) + n] |= (hint.numaMask(v) & (1 << n)) != 0;
                }
            }
        }
        return (pm, numa) -> target[2 * pm + numa];
    }

    /** The aggregated model over the reduced scope and pool, from the initial placement, budget k. */
    static AggregatedModel reduced(ReschedulingInstance instance, ReschedulingState greedy) {
        ReschedulingState initial = ReschedulingState.initial(instance);
        int g = initial.fragmentCpuCores();
        boolean[] movedByGreedy = new boolean[initial.vmCount()];
        boolean[] inScope = new boolean[initial.pmCount()];
        for (int v = 0; v < initial.vmCount(); v++) {
            if (greedy.host(v) != initial.host(v) || greedy.numaMask(v) != initial.numaMask(v)) {
                movedByGreedy[v] = true;
                inScope[initial.host(v)] = true;
                inScope[greedy.host(v)] = true;
            }
        }
        List<Integer> pms = new ArrayList<>();
        for (int p = 0; p < initial.pmCount(); p++) {
            inScope[p] = initial.isActive(p) && (inScope[p] || initial.fragments(p) > 0 || greedy.fragments(p) > 0);
            if (inScope[p]) {
                pms.add(p);
            }
        }
        List<Integer> pool = new ArrayList<>();
        for (int v = 0; v < initial.vmCount(); v++) {
            boolean changesResidues = initial.cpuShare(v) % g != 0;
            if (initial.isMovable(v) && inScope[initial.host(v)] && (changesResidues || movedByGreedy[v])) {
                pool.add(v);
            }
        }
        return new AggregatedModel(initial, pms.stream().mapToInt(Integer::intValue).toArray(),
                pool.stream().mapToInt(Integer::intValue).toArray(), instance.maxMigrations(),
                AggregatedModel.Granularity.SUBTYPE);
    }
}
