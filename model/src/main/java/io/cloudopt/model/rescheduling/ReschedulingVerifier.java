package io.cloudopt.model.rescheduling;

import io.cloudopt.model.common.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Every hard rule of a rescheduling solution (problems/rescheduling.md §5): the plan replays step by
 * step (R1–R9) and ends in the listed final placement (R10). Solutions of {@code greedy-vmr2l} are
 * replayed with the original code's relaxed rules.
 */
public final class ReschedulingVerifier {
    private ReschedulingVerifier() {
    }

    public static List<Violation> verify(ReschedulingInstance instance, ReschedulingSolution solution) {
        ReschedulingSimulator.Rules rules = solution.relaxedRules()
                ? ReschedulingSimulator.Rules.VMR2L : ReschedulingSimulator.Rules.STRICT;
        for (int i = 0; i < solution.plan().size(); i++) {
            if (solution.plan().get(i).step() != i) {
                return List.of(new Violation("R1", "$.plan[" + i + "].step", "must be " + i + " (steps are numbered "
                        + "from 0 in order), found " + solution.plan().get(i).step()));
            }
        }
        ReschedulingSimulator.Replay replay = ReschedulingSimulator.replay(instance, solution.plan(), rules);
        List<Violation> violations = new ArrayList<>(replay.violations());
        if (!violations.isEmpty()) {
            return violations;
        }
        ReschedulingState state = replay.state();
        List<ReschedulingSolution.Location> placement = solution.placement();
        if (placement.size() != instance.vms().size()) {
            violations.add(new Violation("R10", "$.placement", placement.size() + " entries for "
                    + instance.vms().size() + " VMs (every VM in instance order)"));
            return violations;
        }
        for (int v = 0; v < placement.size(); v++) {
            ReschedulingSolution.Location location = placement.get(v);
            String at = "$.placement[" + v + "]";
            if (!location.vm().equals(state.vmId(v))) {
                violations.add(new Violation("R10", at + ".vm", "expected '" + state.vmId(v) + "', found '"
                        + location.vm() + "'"));
                break;
            }
            if (!location.pm().equals(state.pmId(state.host(v)))
                    || ReschedulingState.mask(location.numas()) != state.numaMask(v)) {
                violations.add(new Violation("R10", at, "differs from replay at vm '" + location.vm() + "' (replay: pm '"
                        + state.pmId(state.host(v)) + "' numa " + ReschedulingState.numas(state.numaMask(v)) + ")"));
                break;
            }
        }
        return violations;
    }
}
