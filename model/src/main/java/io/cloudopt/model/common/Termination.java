package io.cloudopt.model.common;

/** Why a solve stopped (DESIGN §4). */
public enum Termination {
    CONVERGED, TIME_LIMIT, GAP_LIMIT, SOLUTION_LIMIT, INTERRUPTED, ERROR
}
