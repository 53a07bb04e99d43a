package io.cloudopt.solvers.workflow;

import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.common.SolverCatalog.Entry;
import io.cloudopt.solvers.workflow.timefold.WorkflowTimefold;
import java.util.ArrayList;
import java.util.List;

/** The workflow solvers by command-line name. */
public final class WorkflowSolvers {
    public static final SolverCatalog<WorkflowInstance, WorkflowSolution> CATALOG =
            new SolverCatalog<>(WorkflowProblem.INSTANCE, entries(), "greedy-prolis", "cpsat");

    private WorkflowSolvers() {
    }

    private static List<Entry<WorkflowInstance, WorkflowSolution>> entries() {
        List<Entry<WorkflowInstance, WorkflowSolution>> entries = new ArrayList<>();
        for (String policy : WorkflowPolicies.NAMES) {
            entries.add(new Entry<>("greedy-" + policy, "the " + policy + " policy run in the gates simulator",
                    () -> new WorkflowGreedySolver(policy, () -> WorkflowPolicies.create(policy))));
        }
        entries.add(new Entry<>("greedy-rollout", "the rollout expert (prolis roll-outs per candidate) in the simulator",
                () -> new WorkflowGreedySolver("rollout", () -> WorkflowPolicies.create("rollout"))));
        entries.add(new Entry<>("cpsat", "hindsight CP-SAT model, exact; its bound bounds every policy",
                WorkflowCpSat::new));
        entries.add(new Entry<>("timefold", "Timefold local search on VM slots with task lists, for large instances",
                WorkflowTimefold::new));
        entries.add(new Entry<>("milp", "hindsight MILP C1-C13 on SCIP, tiny instances only", WorkflowMilp::new));
        entries.add(new Entry<>("lower-bound", "cost floor, forced lateness and billing points: a bound on the hindsight "
                + "optimum of any instance size (no schedule)", WorkflowLowerBound::new));
        return entries;
    }
}
