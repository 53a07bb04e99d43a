package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingSimulator;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import java.util.ArrayList;
import java.util.List;

/**
 * The plainest {@link MappingSequencer}: repeatedly apply the lowest-index pending VM whose final
 * location is feasible now and within the budget; stop when none is (no parking, so a cyclic
 * exchange stays undone). Stands in until the sequencer of §7 with parking is available.
 */
final class DirectSequencer implements MappingSequencer {
    static final DirectSequencer INSTANCE = new DirectSequencer();

    private DirectSequencer() {
    }

    @Override
    public List<ReschedulingSolution.Step> sequence(ReschedulingInstance instance, ReschedulingState target) {
        ReschedulingState state = ReschedulingState.initial(instance);
        List<Integer> pending = new ArrayList<>();
        for (int v = 0; v < state.vmCount(); v++) {
            if (target.host(v) != state.host(v) || target.numaMask(v) != state.numaMask(v)) {
                pending.add(v);
            }
        }
        List<ReschedulingSolution.Step> plan = new ArrayList<>();
        int counted = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < pending.size(); i++) {
                int v = pending.get(i);
                int toPm = target.host(v);
                int toMask = target.numaMask(v);
                int cost = ReschedulingSimulator.cost(state, v, toPm);
                if (counted + cost > instance.maxMigrations()
                        || ReschedulingSimulator.stepError(state, v, toPm, toMask, ReschedulingSimulator.Rules.STRICT)
                        != null) {
                    continue;
                }
                plan.add(new ReschedulingSolution.Step(plan.size(), state.vmId(v), state.pmId(state.host(v)),
                        ReschedulingState.numas(state.numaMask(v)), state.pmId(toPm), ReschedulingState.numas(toMask)));
                state.move(v, toPm, toMask);
                counted += cost;
                pending.remove(i);
                progress = true;
                break;
            }
        }
        return plan;
    }
}
