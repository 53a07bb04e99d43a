package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.common.SolverCatalog.Entry;
import io.cloudopt.solvers.dvamp.timefold.DvampTimefold;
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
        entries.add(new Entry<>("greedy-lookahead", "CP-SAT look-ahead over the next 20 VMs, 1 s per decision",
                () -> new DvampGreedySolver("lookahead", seed -> new DvampLookaheadPolicy(
                        DvampLookaheadPolicy.DEFAULT_WINDOW, DvampLookaheadPolicy.DEFAULT_STEP_TIME_LIMIT, seed))));
        entries.add(new Entry<>("cpsat", "offline CP-SAT model with cumulatives, exact", DvampCpSat::new));
        entries.add(new Entry<>("milp", "offline MILP on SCIP, exact for windows up to ~60 VMs",
                () -> new DvampMilp(MpSolverSupport.Backend.SCIP)));
        entries.add(new Entry<>("milp-cbc", "offline MILP on CBC",
                () -> new DvampMilp(MpSolverSupport.Backend.CBC)));
        entries.add(new Entry<>("pool-bound", "the pooled FIFO lower bound B1 (no schedule)", DvampPoolBound::new));
        return entries;
    }
}
