package io.cloudopt.model.common;

/** What a solve established about its solution (DESIGN §4). */
public enum SolveStatus {
    OPTIMAL, FEASIBLE, INFEASIBLE, UNBOUNDED,
    /** Stopped with no solution and no proof. */
    UNKNOWN,
    MODEL_INVALID, ERROR;

    public boolean hasSolution() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
