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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code cpsat-lns} (problems/rescheduling.md §8): from the greedy's mapping, repeatedly free the
 * movable VMs on 8 ACTIVE PMs drawn with weight ∝ fragments + 1 (seeded), re-place them on those PMs
 * with the aggregated model on CP-SAT (budget = k − migrations elsewhere, 2 s), and keep the result
 * when it has fewer fragments. The mapping is then sequenced. Deterministic given the seed as long
 * as the iteration limit, not the time limit, ends the search.
 */
public final class ReschedulingLns implements Solver<ReschedulingInstance, ReschedulingSolution> {
    static final int NEIGHBOURHOOD_PMS = 8;
    static final Duration SUB_LIMIT = Duration.ofSeconds(2);
    static final int DEFAULT_ITERATIONS = 200;

    private final int iterations;

    public ReschedulingLns() {
        this(DEFAULT_ITERATIONS);
    }

    public ReschedulingLns(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("The iterations (" + iterations + ") must not be negative.");
        }
        this.iterations = iterations;
    }

    @Override
    public String name() {
        return "cpsat-lns";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("iterations", iterations, "neighbourhoodPms", NEIGHBOURHOOD_PMS);
    }

    @Override
    public SolveReport<ReschedulingSolution> solve(ReschedulingInstance instance, SolveOptions options) {
        return ReschedulingSequencer.plan(instance, options.timeLimit(),
                (k, limit) -> search(instance.withMaxMigrations(k), limit, options));
    }

    private ReschedulingSequencer.Mapping search(ReschedulingInstance instance, Duration limit, SolveOptions options) {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        ReschedulingState initial = ReschedulingState.initial(instance);
        ReschedulingState current = ReschedulingGreedy.finalState(instance);
        Random random = new Random(options.seed());
        int done = 0;
        int accepted = 0;
        Termination termination = Termination.CONVERGED;
        for (; done < iterations; done++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                termination = Termination.TIME_LIMIT;
                break;
            }
            int[] pms = neighbourhood(current, random);
            boolean[] chosen = new boolean[current.pmCount()];
            for (int p : pms) {
                chosen[p] = true;
            }
            List<Integer> pool = new ArrayList<>();
            int spent = 0;
            for (int v = 0; v < current.vmCount(); v++) {
                boolean free = current.isMovable(v) && chosen[current.host(v)];
                if (free) {
                    pool.add(v);
                }
                boolean moved = current.host(v) != initial.host(v) || instance.numaFlipCountsAsMigration()
                        && current.numaMask(v) != initial.numaMask(v);
                if (moved && (!free || !chosen[initial.host(v)])) {
                    spent++;
                }
            }
            int budget = instance.maxMigrations() - spent;
            if (pool.isEmpty() || budget < 0) {
                continue;
            }
            AggregatedModel model = new AggregatedModel(current, pms,
                    pool.stream().mapToInt(Integer::intValue).toArray(), budget, AggregatedModel.Granularity.SUBTYPE);
            Duration subLimit = Duration.ofNanos(Math.min(left, SUB_LIMIT.toNanos()));
            ReschedulingSequencer.Mapping mapping = ReschedulingCpSat.solve(model, current,
                    new SolveOptions(subLimit, 1, options.seed() + done, false));
            if (mapping.target().totalFragments() < current.totalFragments()) {
                current = mapping.target();
                accepted++;
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("iterations", done);
        stats.put("accepted", accepted);
        return new ReschedulingSequencer.Mapping(current, SolveStatus.FEASIBLE, termination, -1, stats);
    }

    /** NEIGHBOURHOOD_PMS ACTIVE PMs drawn without replacement with weight fragments + 1, ascending. */
    private static int[] neighbourhood(ReschedulingState state, Random random) {
        List<Integer> active = new ArrayList<>();
        for (int p = 0; p < state.pmCount(); p++) {
            if (state.isActive(p)) {
                active.add(p);
            }
        }
        int size = Math.min(NEIGHBOURHOOD_PMS, active.size());
        int[] chosen = new int[size];
        for (int i = 0; i < size; i++) {
            long total = 0;
            for (int p : active) {
                total += state.fragments(p) + 1;
            }
            long draw = (long) (random.nextDouble() * total);
            int pick = active.size() - 1;
            for (int j = 0; j < active.size(); j++) {
                draw -= state.fragments(active.get(j)) + 1;
                if (draw < 0) {
                    pick = j;
                    break;
                }
            }
            chosen[i] = active.remove(pick);
        }
        Arrays.sort(chosen);
        return chosen;
    }
}
