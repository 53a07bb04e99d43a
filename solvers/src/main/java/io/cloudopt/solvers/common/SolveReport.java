package io.cloudopt.solvers.common;

import io.cloudopt.model.common.Gaps;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a solve established (DESIGN §4–5): the solution (null when none was found), the primal
 * {@code objective} and the dual {@code bound} (null where the technique has none), the wall time
 * and solver-specific statistics ({@code solverObjective}, node counts, …).
 */
public record SolveReport<S>(SolveStatus status, Termination termination, S solution, Double objective, Double bound,
                             Duration wall, Map<String, Object> stats) {
    public SolveReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(wall, "wall");
        stats = stats == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    public Double absGap() {
        return Gaps.absGap(objective, bound);
    }

    public double relGap() {
        return Gaps.relGap(objective, bound);
    }

    public double wallSeconds() {
        return wall.toNanos() / 1e9;
    }

    public SolveReport<S> withObjective(Double newObjective, Map<String, Object> moreStats) {
        Map<String, Object> merged = new LinkedHashMap<>(stats);
        merged.putAll(moreStats);
        return new SolveReport<>(status, termination, solution, newObjective, bound, wall, merged);
    }

    public SolveReport<S> withStatus(SolveStatus newStatus, Termination newTermination) {
        return new SolveReport<>(newStatus, newTermination, solution, objective, bound, wall, stats);
    }
}
