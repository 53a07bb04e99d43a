package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pooled FIFO bound B1 as a row of {@code cloudopt gap} ("pool-bound"): no schedule, only a
 * proven lower bound on the total wait of every schedule, in O(n log n). The published greedy gap
 * B4 goes into {@code stats} as information, never as a bound (its reading is unverified).
 */
public final class DvampPoolBound implements Solver<DvampInstance, DvampSolution> {
    @Override
    public String name() {
        return "pool-bound";
    }

    @Override
    public SolveReport<DvampSolution> solve(DvampInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("publishedGreedyGap", DvampBounds.publishedGreedyGap(instance));
        stats.put("publishedGreedyGapCaveat", "worst-case gap of greedy online algorithms as published; additivity, "
                + "normalisation and mu unverified: information only");
        if (instance.semantics() != DvampSemantics.SPANE) {
            stats.put("message", "The pooled bound is a bound on total wait (spane semantics).");
            return new SolveReport<>(SolveStatus.MODEL_INVALID, Termination.ERROR, null, null, null,
                    Duration.ofNanos(System.nanoTime() - started), stats);
        }
        double bound = DvampBounds.pooledFifo(instance).lowerBoundSeconds();
        return new SolveReport<>(SolveStatus.UNKNOWN, Termination.CONVERGED, null, null, bound,
                Duration.ofNanos(System.nanoTime() - started), stats);
    }
}
