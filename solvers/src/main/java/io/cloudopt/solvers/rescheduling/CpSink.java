package io.cloudopt.solvers.rescheduling;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import io.cloudopt.solvers.common.OrTools;
import java.util.ArrayList;
import java.util.List;

/** A {@link LinearSink} writing into a CP-SAT model. */
final class CpSink implements LinearSink {
    private final CpModel model;
    private final List<IntVar> variables = new ArrayList<>();
    private int constraints;

    CpSink() {
        OrTools.load();
        model = new CpModel();
    }

    CpModel model() {
        return model;
    }

    @Override
    public int intVar(String name, long lb, long ub) {
        variables.add(model.newIntVar(lb, ub, name));
        return variables.size() - 1;
    }

    @Override
    public void addLinear(String name, long lb, long ub, int[] vars, long[] coefs) {
        model.addLinearConstraint(expression(vars, coefs), lb, ub).getBuilder().setName(name);
        constraints++;
    }

    @Override
    public void maximize(int[] vars, long[] coefs) {
        model.maximize(expression(vars, coefs));
    }

    @Override
    public void hint(int var, long value) {
        model.addHint(variables.get(var), value);
    }

    long value(CpSolver solver, int var) {
        return solver.value(variables.get(var));
    }

    private LinearExpr expression(int[] vars, long[] coefs) {
        IntVar[] selected = new IntVar[vars.length];
        for (int i = 0; i < vars.length; i++) {
            selected[i] = variables.get(vars[i]);
        }
        return LinearExpr.weightedSum(selected, coefs);
    }

    @Override
    public int variableCount() {
        return variables.size();
    }

    @Override
    public int constraintCount() {
        return constraints;
    }
}
