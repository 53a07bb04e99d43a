package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSimulator;
import java.util.List;

/**
 * The best simulator run among the deterministic greedy policies: its total wait is the upper
 * bound U of the exact models (problems/dvamp.md §7) and its schedule their hint.
 *
 * @param policy the policy that produced the run
 * @param run    the run (fewest total wait under spane, most placements under vmagent)
 */
record DvampIncumbent(String policy, DvampRun run) {
    /** The policies tried, in order; ties keep the earlier one. */
    static final List<String> POLICIES = List.of("ff", "bf", "balance");

    static DvampIncumbent best(DvampInstance instance) {
        DvampIncumbent best = null;
        for (String name : POLICIES) {
            DvampRun run = DvampSimulator.run(instance, DvampPolicies.create(name, 1L), 0, DvampObserver.NONE);
            if (best == null || better(instance, run, best.run())) {
                best = new DvampIncumbent(name, run);
            }
        }
        return best;
    }

    private static boolean better(DvampInstance instance, DvampRun candidate, DvampRun current) {
        return instance.semantics() == DvampSemantics.SPANE
                ? candidate.totalWaitSeconds() < current.totalWaitSeconds()
                : candidate.placedCount() > current.placedCount();
    }
}
