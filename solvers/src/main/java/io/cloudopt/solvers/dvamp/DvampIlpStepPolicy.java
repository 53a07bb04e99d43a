package io.cloudopt.solvers.dvamp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampState;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.solvers.common.MpSolverSupport;

/**
 * {@code ilp-step} (problems/dvamp.md §9): at each decision a MILP over the head VM's assignment
 * binaries under the current remaining capacity, minimising the {@code bf} score of the chosen
 * action plus 1e-6·action (ties to the lowest index). Equal to {@code bf} at every decision; it
 * exists to check the MILP plumbing against a known answer.
 */
public final class DvampIlpStepPolicy implements DvampPolicy {
    /** The weight of the action index in the objective: below every non-zero score difference (≥ 1/720). */
    static final double TIE_BREAK = 1e-6;

    @Override
    public String name() {
        return "ilp-step";
    }

    @Override
    public int choose(DvampState state, int vm) {
        DvampWorkload workload = state.workload();
        boolean isDouble = workload.isDouble(vm);
        int cpu = workload.cpuNeedHalf(vm);
        int memory = workload.memoryNeedHalf(vm);
        int nodes = state.nodeCount();
        int step = isDouble ? 2 : 1;
        MPSolver model = MpSolverSupport.create(MpSolverSupport.Backend.SCIP);
        try {
            // x_a ∈ {0,1}: the head VM takes canonical action a (node a, or both nodes of PM a/2).
            MPVariable[] placedOn = new MPVariable[nodes];
            for (int action = 0; action < nodes; action += step) {
                placedOn[action] = model.makeIntVar(0, 1, "x_vm" + vm + "_action" + action);
            }
            // Σ_a x_a = 1
            MPConstraint once = model.makeConstraint(1, 1, "once_vm" + vm);
            for (int action = 0; action < nodes; action += step) {
                once.setCoefficient(placedOn[action], 1);
            }
            // dem^d · x_a ≤ R^d_node for every node the action uses and both resources
            for (int node = 0; node < nodes; node++) {
                int action = isDouble ? node & ~1 : node;
                MPConstraint cpuCapacity = model.makeConstraint(Double.NEGATIVE_INFINITY,
                        state.remainingCpuHalf(node), "cpu_node" + node);
                cpuCapacity.setCoefficient(placedOn[action], cpu);
                MPConstraint memoryCapacity = model.makeConstraint(Double.NEGATIVE_INFINITY,
                        state.remainingMemoryHalf(node), "memory_node" + node);
                memoryCapacity.setCoefficient(placedOn[action], memory);
            }
            // min Σ_a (score_a + 1e-6·a) x_a, score_a = s_node (single) or s_i0 + s_i1 (double)
            MPObjective objective = model.objective();
            for (int action = 0; action < nodes; action += step) {
                double score = isDouble ? state.score(action) + state.score(action + 1) : state.score(action);
                objective.setCoefficient(placedOn[action], score + TIE_BREAK * action);
            }
            objective.setMinimization();
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            model.setNumThreads(1);
            model.suppressOutput();
            MPSolver.ResultStatus status = model.solve(parameters);
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return -1;
            }
            for (int action = 0; action < nodes; action += step) {
                if (placedOn[action].solutionValue() > 0.5) {
                    return action;
                }
            }
            return -1;
        } finally {
            model.delete();
        }
    }
}
