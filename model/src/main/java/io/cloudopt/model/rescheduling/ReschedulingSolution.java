package io.cloudopt.model.rescheduling;

import java.util.List;

/**
 * The decisions of a rescheduling solve: the ordered migration plan and the final placement of
 * every VM (instance order). Solutions of {@code greedy-vmr2l} are checked with the original
 * code's relaxed rules (§5.6), recorded in {@code relaxedRules}.
 */
public record ReschedulingSolution(List<Step> plan, List<Location> placement, boolean relaxedRules) {
    public ReschedulingSolution {
        plan = List.copyOf(plan);
        placement = List.copyOf(placement);
    }

    /** One migration step: VM {@code vm} from its current location to (toPm, toNumas). */
    public record Step(int step, String vm, String fromPm, List<Integer> fromNumas, String toPm,
                       List<Integer> toNumas) {
        public Step {
            fromNumas = List.copyOf(fromNumas);
            toNumas = List.copyOf(toNumas);
        }
    }

    /** Where a VM runs: PM and NUMA set ([0], [1] or [0, 1]). */
    public record Location(String vm, String pm, List<Integer> numas) {
        public Location {
            numas = List.copyOf(numas);
        }
    }
}
