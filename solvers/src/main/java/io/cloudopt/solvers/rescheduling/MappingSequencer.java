package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import java.util.List;

/**
 * Turns a final mapping (where every VM should end) into an ordered plan from the instance's
 * initial placement (problems/rescheduling.md §7, "Sequencing"). The plan must replay under every
 * rule of §5 and count at most {@code maxMigrations}; it may stop short of the mapping (a cycle it
 * cannot break, or the budget), since any prefix of a valid plan is valid.
 */
@FunctionalInterface
public interface MappingSequencer {
    /**
     * @param target the mapping as a state: {@code host} and {@code numaMask} of every VM (its free
     *               capacities are not used)
     */
    List<ReschedulingSolution.Step> sequence(ReschedulingInstance instance, ReschedulingState target);
}
