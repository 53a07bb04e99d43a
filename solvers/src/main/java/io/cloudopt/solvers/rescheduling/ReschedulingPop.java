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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code pop} (problems/rescheduling.md §8, after POP): split the ACTIVE PMs into seeded random
 * parts, keep every VM in its host's part, give part i the budget ⌊k·|P_i|/|P|⌋ (the remainder to
 * the lowest parts), solve each part with the aggregated model on SCIP (time split evenly) and
 * sequence the combined mapping.
 */
public final class ReschedulingPop implements Solver<ReschedulingInstance, ReschedulingSolution> {
    static final int DEFAULT_PARTITIONS = 4;

    private final int partitions;

    public ReschedulingPop() {
        this(DEFAULT_PARTITIONS);
    }

    public ReschedulingPop(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("The partitions (" + partitions + ") must be at least 1.");
        }
        this.partitions = partitions;
    }

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("partitions", partitions);
    }

    @Override
    public SolveReport<ReschedulingSolution> solve(ReschedulingInstance instance, SolveOptions options) {
        return ReschedulingSequencer.plan(instance, options.timeLimit(),
                (k, limit) -> combine(instance, k, limit, options));
    }

    private ReschedulingSequencer.Mapping combine(ReschedulingInstance instance, int k, Duration limit,
                                                  SolveOptions options) {
        ReschedulingState initial = ReschedulingState.initial(instance);
        List<Integer> active = new ArrayList<>();
        for (int p = 0; p < initial.pmCount(); p++) {
            if (initial.isActive(p)) {
                active.add(p);
            }
        }
        Collections.shuffle(active, new Random(options.seed()));
        int parts = Math.min(partitions, active.size());
        int[][] pms = new int[parts][];
        int[] budgets = new int[parts];
        int from = 0;
        int given = 0;
        for (int i = 0; i < parts; i++) {
            int size = active.size() / parts + (i < active.size() % parts ? 1 : 0);
            pms[i] = active.subList(from, from + size).stream().mapToInt(Integer::intValue).sorted().toArray();
            from += size;
            budgets[i] = (int) ((long) k * size / active.size());
            given += budgets[i];
        }
        for (int i = 0; given < k; i = (i + 1) % parts) {
            budgets[i]++;
            given++;
        }
        ReschedulingState combined = initial.copy();
        Map<String, Object> stats = new LinkedHashMap<>();
        Termination termination = Termination.CONVERGED;
        for (int i = 0; i < parts; i++) {
            boolean[] inPart = new boolean[initial.pmCount()];
            for (int p : pms[i]) {
                inPart[p] = true;
            }
            List<Integer> pool = new ArrayList<>();
            for (int v = 0; v < initial.vmCount(); v++) {
                if (initial.isMovable(v) && inPart[initial.host(v)]) {
                    pool.add(v);
                }
            }
            AggregatedModel model = new AggregatedModel(initial, pms[i],
                    pool.stream().mapToInt(Integer::intValue).toArray(), budgets[i],
                    AggregatedModel.Granularity.SUBTYPE);
            ReschedulingSequencer.Mapping part = ReschedulingAggMilp.solve(model, initial,
                    options.withTime(limit.dividedBy(parts)));
            if (part.termination() != Termination.CONVERGED) {
                termination = part.termination();
            }
            for (int v : pool) {
                combined.move(v, part.target().host(v), part.target().numaMask(v));
            }
            stats.put("part" + i, pms[i].length + " PMs, k " + budgets[i] + ", " + part.status());
        }
        return new ReschedulingSequencer.Mapping(combined, SolveStatus.FEASIBLE, termination, -1, stats);
    }
}
