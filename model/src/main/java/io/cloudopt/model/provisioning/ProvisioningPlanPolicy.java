package io.cloudopt.model.provisioning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A plan run as an online policy: at t = 0 it applies period 0's routing and the launches timed at or
 * before 0; then it wakes at every later action time and at every routing change of the plan and applies
 * them. An optional observer sees the system at every period start before the plan acts, which is what
 * labels record (problems/provisioning.md §10). The run it gives equals {@link ProvisioningSimulator#run}
 * of the plan unless an action coincides with a request event at the same instant (S10 puts plan actions
 * before arrivals and policy epochs after them).
 */
public final class ProvisioningPlanPolicy implements ProvisioningPolicy {
    private final ProvisioningSolution plan;
    private final Consumer<ProvisioningControl> periodObserver;
    private final List<ProvisioningSolution.Action> actions;
    private final List<ProvisioningSolution.Period> entries;
    private final double periodSeconds;
    private int nextAction;
    private int nextEntry;
    private double scheduled = Double.NaN;

    public ProvisioningPlanPolicy(ProvisioningInstance instance, ProvisioningSolution plan,
                                  Consumer<ProvisioningControl> periodObserver) {
        this.plan = plan;
        this.periodObserver = periodObserver;
        this.periodSeconds = instance.periodSeconds();
        this.actions = new ArrayList<>(plan.actions());
        this.actions.sort(Comparator.comparingDouble(ProvisioningSolution.Action::timeSeconds));
        this.entries = new ArrayList<>(plan.periods());
        this.entries.sort(Comparator.comparingDouble(entry -> entry.startSeconds(periodSeconds)));
    }

    @Override
    public String name() {
        return plan.policy();
    }

    @Override
    public List<ProvisioningSolution.Pool> pools() {
        return plan.pools();
    }

    @Override
    public boolean unguarded() {
        return plan.unguarded();
    }

    @Override
    public void epoch(ProvisioningControl control) {
        double now = control.timeSeconds();
        double period = periodSeconds;
        if (periodObserver != null && now % period == 0) {
            periodObserver.accept(control);
        }
        while (nextAction < actions.size() && actions.get(nextAction).timeSeconds() <= now) {
            ProvisioningSolution.Action action = actions.get(nextAction++);
            int pool = poolIndex(action.pool());
            if (action.isLaunch()) {
                control.launch(pool, action.count());
            } else {
                control.terminate(pool, action.count());
            }
        }
        while (nextEntry < entries.size() && entries.get(nextEntry).startSeconds(period) <= now) {
            ProvisioningSolution.Period entry = entries.get(nextEntry++);
            for (ProvisioningSolution.Routing routing : entry.routing()) {
                int stage = control.instance().stageIndex(routing.stage());
                int pool = routing.pool() == null ? -1 : poolIndex(routing.pool());
                control.route(stage, pool, routing.vmFraction(), routing.vmMaxPerSecond(), routing.faasMemoryMiB());
            }
        }
        double next = Double.POSITIVE_INFINITY;
        if (nextAction < actions.size()) {
            next = actions.get(nextAction).timeSeconds();
        }
        if (nextEntry < entries.size()) {
            next = Math.min(next, entries.get(nextEntry).startSeconds(period));
        }
        if (next < Double.POSITIVE_INFINITY && next > now && next % period != 0 && next != scheduled) {
            scheduled = next;
            control.wakeUpAt(next);
        }
    }

    private int poolIndex(String id) {
        for (int q = 0; q < plan.pools().size(); q++) {
            if (plan.pools().get(q).id().equals(id)) {
                return q;
            }
        }
        throw new IllegalArgumentException("The plan names an unknown pool " + id
                + ".\nMaybe it was not verified; ProvisioningVerifier reports such references.");
    }
}
