package io.cloudopt.solvers.rescheduling;

import java.util.Arrays;

/**
 * An integer linear model under construction, the same for MPSolver (SCIP) and CP-SAT, so the
 * rescheduling formulations are written once and run on either backend. Variables are numbered
 * in creation order.
 */
interface LinearSink {
    /** A new integer variable in [lb, ub]; returns its number. */
    int intVar(String name, long lb, long ub);

    /** lb ≤ Σ coefs[i]·vars[i] ≤ ub. */
    void addLinear(String name, long lb, long ub, int[] vars, long[] coefs);

    /** maximise Σ coefs[i]·vars[i]. */
    void maximize(int[] vars, long[] coefs);

    /** A suggested value for one variable (warm start). */
    void hint(int var, long value);

    int variableCount();

    int constraintCount();

    /** A linear expression being collected term by term. */
    final class Terms {
        private int[] vars = new int[8];
        private long[] coefs = new long[8];
        private int size;

        Terms add(int var, long coef) {
            if (size == vars.length) {
                vars = Arrays.copyOf(vars, 2 * size);
                coefs = Arrays.copyOf(coefs, 2 * size);
            }
            vars[size] = var;
            coefs[size++] = coef;
            return this;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int[] vars() {
            return Arrays.copyOf(vars, size);
        }

        long[] coefs() {
            return Arrays.copyOf(coefs, size);
        }
    }

    default void addLinear(String name, long lb, long ub, Terms terms) {
        addLinear(name, lb, ub, terms.vars(), terms.coefs());
    }

    default void maximize(Terms terms) {
        maximize(terms.vars(), terms.coefs());
    }
}
