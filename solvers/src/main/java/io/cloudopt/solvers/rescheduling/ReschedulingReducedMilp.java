package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.common.SolveStatus;
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
import java.util.Map;

/**
 * {@code milp-agg-reduced}: the type-aggregated mapping model of problems/rescheduling.md §7 on
 * SCIP, shrunk by the heuristic reductions of §7 [ours] and warm started from the greedy:
 * <ul>
 *   <li>scope: the ACTIVE PMs with fragments in the initial placement or in the greedy's mapping
 *       (a PM whose NUMAs hold multiples of G can neither give nor take a slot-gaining move);</li>
 *   <li>pool: the movable VMs on them whose cpu share is not a multiple of G (moving the others
 *       changes no residue), plus every VM the greedy moved.</li>
 * </ul>
 * Every other VM stays where it is. The reductions are not proven safe, so the model's bound says
 * nothing about the instance and none is reported. One SCIP thread: deterministic (the seed is not
 * used) whenever SCIP proves the reduced model optimal before the time limit; when the limit stops
 * it, the mapping depends on how far SCIP got.
 */
public final class ReschedulingReducedMilp implements Solver<ReschedulingInstance, ReschedulingSolution> {
    @Override
    public String name() {
        return "milp-agg-reduced";
    }

    @Override
    public SolveReport<ReschedulingSolution> solve(ReschedulingInstance instance, SolveOptions options) {
        return ReschedulingSequencer.plan(instance, options.timeLimit(), (k, limit) -> {
            ReschedulingInstance atK = instance.withMaxMigrations(k);
            ReschedulingState greedy = ReschedulingGreedy.finalState(atK);
            ReschedulingSequencer.Mapping mapping = ReschedulingAggMilp.solve(reduced(atK, greedy), greedy,
                    options.withTime(limit));
            Map<String, Object> stats = new LinkedHashMap<>(mapping.stats());
            stats.put("reducedModelStatus", mapping.status().name());
            stats.remove("modelBoundFragments");
            // The reduced model's optimum is not the instance's: never OPTIMAL, no bound.
            return new ReschedulingSequencer.Mapping(mapping.target(), SolveStatus.FEASIBLE, mapping.termination(), -1,
                    stats);
        });
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
