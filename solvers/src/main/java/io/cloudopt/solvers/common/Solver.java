package io.cloudopt.solvers.common;

import java.util.Map;

/**
 * One technique for one problem (DESIGN §5). A solver returns the solution it found with its status
 * and dual bound; {@link VerifiedSolve} checks it with the problem's independent verifier before
 * anyone sees it.
 *
 * @param <I> the instance record
 * @param <S> the solution record
 */
public interface Solver<I, S> {
    /** The name used on the command line: "milp", "cpsat", "timefold", "greedy-ff", … */
    String name();

    /** The version string written into solution files. */
    default String version() {
        return io.cloudopt.model.common.Versions.plain();
    }

    /** The technique's own parameters, written as {@code solver.params} (partitions, …). */
    default Map<String, Object> params() {
        return Map.of();
    }

    SolveReport<S> solve(I instance, SolveOptions options);
}
