package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.common.SolverCatalog.Entry;
import io.cloudopt.solvers.rescheduling.timefold.ReschedulingTimefold;
import java.util.ArrayList;
import java.util.List;

/** The rescheduling solvers by command-line name. */
public final class ReschedulingSolvers {
    public static final SolverCatalog<ReschedulingInstance, ReschedulingSolution> CATALOG =
            new SolverCatalog<>(ReschedulingProblem.INSTANCE, entries(), "greedy", "milp-agg");

    private ReschedulingSolvers() {
    }

    private static List<Entry<ReschedulingInstance, ReschedulingSolution>> entries() {
        List<Entry<ReschedulingInstance, ReschedulingSolution>> entries = new ArrayList<>();
        entries.add(new Entry<>("greedy", "largest fragment decrease first, memory and groups checked",
                () -> new ReschedulingGreedy(ReschedulingGreedy.Variant.CORRECTED)));
        entries.add(new Entry<>("greedy-vmr2l", "the original VMR2L heuristic, quirks included (parity)",
                () -> new ReschedulingGreedy(ReschedulingGreedy.Variant.VMR2L)));
        entries.add(new Entry<>("milp", "full per-VM mapping MILP on SCIP, sequenced into a plan",
                ReschedulingMilp::new));
        entries.add(new Entry<>("milp-agg", "type-aggregated mapping MILP on SCIP, sequenced into a plan",
                ReschedulingAggMilp::new));
        entries.add(new Entry<>("cpsat", "type-aggregated mapping model on CP-SAT, sequenced into a plan",
                ReschedulingCpSat::new));
        entries.add(new Entry<>("cpsat-lns", "greedy, then CP-SAT re-placement of 8-PM neighbourhoods",
                ReschedulingLns::new));
        entries.add(new Entry<>("milp-agg-reduced", "milp-agg on the PMs with fragments and the VMs whose share is "
                + "not a multiple of G (heuristic, no bound)", ReschedulingReducedMilp::new));
        entries.add(new Entry<>("pop", "random PM partitions, each solved by milp-agg with its share of k",
                ReschedulingPop::new));
        entries.add(new Entry<>("timefold", "local search over final locations (change, swap, revert, pillar), "
                + "then sequenced into a plan", () -> new ReschedulingTimefold(ReschedulingSequencer.PARKING)));
        return entries;
    }
}
