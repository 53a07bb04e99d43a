package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.dvamp.timefold.DvampTimefold;
import io.cloudopt.solvers.common.SolverCatalog.Entry;
import java.util.ArrayList;
import java.util.List;

/** The dvamp solvers by command-line name. */
public final class DvampSolvers {
    public static final SolverCatalog<DvampInstance, DvampSolution> CATALOG =
            new SolverCatalog<>(DvampProblem.INSTANCE, entries(), "greedy-ff", "cpsat");

    private DvampSolvers() {
    }

    private static List<Entry<DvampInstance, DvampSolution>> entries() {
        List<Entry<DvampInstance, DvampSolution>> entries = new ArrayList<>();
        for (String policy : DvampPolicies.NAMES) {
            entries.add(new Entry<>("greedy-" + policy, "the " + policy + " policy run in the simulator",
                    () -> new DvampGreedySolver(policy, seed -> DvampPolicies.create(policy, seed))));
        }
        entries.add(new Entry<>("greedy-ilp-step", "the bf rule as a per-decision MILP (SCIP), run in the simulator",
                () -> new DvampGreedySolver("ilp-step", seed -> new DvampIlpStepPolicy())));
        entries.add(new Entry<>("timefold", "Timefold local search over slots, decoded start times (offline)",
                DvampTimefold::new));
        return entries;
    }
}
