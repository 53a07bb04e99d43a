package io.cloudopt.solvers.rescheduling;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/** A {@link LinearSink} writing into an MPSolver model. */
final class MpSink implements LinearSink {
    private final MPSolver solver;
    private final List<MPVariable> variables = new ArrayList<>();
    private final List<MPVariable> hintVariables = new ArrayList<>();
    private final List<Double> hintValues = new ArrayList<>();

    MpSink(MPSolver solver) {
        this.solver = solver;
    }

    MPSolver solver() {
        return solver;
    }

    @Override
    public int intVar(String name, long lb, long ub) {
        variables.add(solver.makeIntVar(lb, ub, name));
        return variables.size() - 1;
    }

    @Override
    public void addLinear(String name, long lb, long ub, int[] vars, long[] coefs) {
        MPConstraint constraint = solver.makeConstraint(lb == Long.MIN_VALUE ? -MPSolver.infinity() : lb,
                ub == Long.MAX_VALUE ? MPSolver.infinity() : ub, name);
        for (int i = 0; i < vars.length; i++) {
            constraint.setCoefficient(variables.get(vars[i]), coefs[i]);
        }
    }

    @Override
    public void maximize(int[] vars, long[] coefs) {
        MPObjective objective = solver.objective();
        for (int i = 0; i < vars.length; i++) {
            objective.setCoefficient(variables.get(vars[i]), coefs[i]);
        }
        objective.setMaximization();
    }

    @Override
    public void hint(int var, long value) {
        hintVariables.add(variables.get(var));
        hintValues.add((double) value);
    }

    /** Hands the collected hints to the solver (call once, before solving). */
    void applyHints() {
        if (hintVariables.isEmpty()) {
            return;
        }
        double[] values = new double[hintValues.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = hintValues.get(i);
        }
        solver.setHint(hintVariables.toArray(new MPVariable[0]), values);
    }

    long value(int var) {
        return Math.round(variables.get(var).solutionValue());
    }

    @Override
    public int variableCount() {
        return variables.size();
    }

    @Override
    public int constraintCount() {
        return solver.numConstraints();
    }
}
