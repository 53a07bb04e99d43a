package io.cloudopt.model.rescheduling;

import io.cloudopt.model.common.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a migration plan step by step from the initial placement, checking every step in the
 * state before it (problems/rescheduling.md §5). Used by the verifier, the labels and the greedy
 * policies, so the rules exist once.
 */
public final class ReschedulingSimulator {
    private ReschedulingSimulator() {
    }

    /** Which rules a replay applies: all of them, or the original VMR2L code's relaxed set (§5.6). */
    public enum Rules {
        STRICT, VMR2L;

        boolean checkMemory() {
            return this == STRICT;
        }

        boolean targetMustBeActive() {
            return this == STRICT;
        }

        boolean sourceMustBeActive() {
            return this == STRICT;
        }
    }

    /**
     * The end of a replay: the state after the last valid step, the counted migrations, and the
     * violations (the replay stops at the first broken step).
     */
    public record Replay(ReschedulingState state, int validSteps, int counted, List<Violation> violations) {
    }

    /** Why one step cannot be applied in {@code state}, or null when it can (R2–R7; R1 is the caller's). */
    public static String stepError(ReschedulingState state, int vm, int toPm, int toMask, Rules rules) {
        String id = state.vmId(vm);
        if (!state.allowsMigration(vm)) {
            return "R2:vm '" + id + "' is pinned (allowMigration false)";
        }
        if (rules.sourceMustBeActive() && !state.isActive(state.initialHost(vm))) {
            return "R2:vm '" + id + "' runs on pm '" + state.pmId(state.initialHost(vm))
                    + "', which is not ACTIVE, so it is not movable";
        }
        if (rules.targetMustBeActive() && !state.isActive(toPm)) {
            return "R3:target pm '" + state.pmId(toPm) + "' is " + state.instance().pms().get(toPm).status();
        }
        if (state.isDouble(vm) ? toMask != 3 : toMask != 1 && toMask != 2) {
            return "R4:" + (state.isDouble(vm) ? "a double-NUMA VM moves to [0, 1]"
                    : "a single-NUMA VM moves to [0] or [1]");
        }
        if (state.host(vm) == toPm && state.numaMask(vm) == toMask) {
            return "R5:vm '" + id + "' is already on pm '" + state.pmId(toPm) + "' numa "
                    + ReschedulingState.numas(toMask) + " (no-op step)";
        }
        for (int n = 0; n < 2; n++) {
            if ((toMask & (1 << n)) == 0) {
                continue;
            }
            boolean own = state.host(vm) == toPm && (state.numaMask(vm) & (1 << n)) != 0;
            long freeCpu = state.freeCpu(toPm, n) + (own ? state.cpuShare(vm) : 0);
            if (freeCpu < state.cpuShare(vm)) {
                return "R6:numa " + n + " of pm '" + state.pmId(toPm) + "' has " + freeCpu + " free cores < "
                        + state.cpuShare(vm);
            }
            long freeMemory = state.freeMemory(toPm, n) + (own ? state.memoryShare(vm) : 0);
            if (rules.checkMemory() && freeMemory < state.memoryShare(vm)) {
                return "R6:numa " + n + " of pm '" + state.pmId(toPm) + "' has " + freeMemory + " free MiB < "
                        + state.memoryShare(vm);
            }
        }
        int group = state.forbiddingGroup(vm, toPm);
        if (group >= 0) {
            AntiAffinityGroup g = state.instance().antiAffinityGroups().get(group);
            return "R7:anti-affinity group '" + g.id() + "' already has a member "
                    + (g.scope() == AntiAffinityGroup.Scope.RACK ? "in rack '" + state.instance().pms().get(toPm).rackId()
                    + "'" : "on pm '" + state.pmId(toPm) + "'");
        }
        return null;
    }

    /** The counted cost of moving VM v to PM {@code toPm} (a same-PM flip is free when the instance says so). */
    public static int cost(ReschedulingState state, int vm, int toPm) {
        return state.host(vm) == toPm && !state.instance().numaFlipCountsAsMigration() ? 0 : 1;
    }

    public static Replay replay(ReschedulingInstance instance, List<ReschedulingSolution.Step> plan, Rules rules) {
        ReschedulingState state = ReschedulingState.initial(instance);
        List<Violation> violations = new ArrayList<>();
        int counted = 0;
        int movable = 0;
        for (int v = 0; v < state.vmCount(); v++) {
            movable += state.isMovable(v) ? 1 : 0;
        }
        if (plan.size() > (long) instance.maxMigrations() + movable) {
            violations.add(new Violation("R9", "$.plan", plan.size() + " steps > maxMigrations "
                    + instance.maxMigrations() + " + movable VMs " + movable));
            return new Replay(state, 0, 0, violations);
        }
        for (int i = 0; i < plan.size(); i++) {
            ReschedulingSolution.Step step = plan.get(i);
            String at = "$.plan[" + i + "]";
            int vm = state.vmIndex(step.vm());
            if (vm < 0) {
                violations.add(new Violation("R1", at + ".vm", "unknown vm '" + step.vm() + "'"));
                return new Replay(state, i, counted, violations);
            }
            int toPm = state.pmIndex(step.toPm());
            if (toPm < 0) {
                violations.add(new Violation("R3", at + ".toPm", "unknown pm '" + step.toPm() + "'"));
                return new Replay(state, i, counted, violations);
            }
            int fromPm = state.pmIndex(step.fromPm());
            if (fromPm != state.host(vm) || ReschedulingState.mask(step.fromNumas()) != state.numaMask(vm)) {
                violations.add(new Violation("R1", at, "vm '" + step.vm() + "' is not on pm '" + step.fromPm()
                        + "' numa " + step.fromNumas() + " (it is on pm '" + state.pmId(state.host(vm)) + "' numa "
                        + ReschedulingState.numas(state.numaMask(vm)) + ")"));
                return new Replay(state, i, counted, violations);
            }
            int toMask = ReschedulingState.mask(step.toNumas());
            String error = stepError(state, vm, toPm, toMask, rules);
            if (error != null) {
                int colon = error.indexOf(':');
                violations.add(new Violation(error.substring(0, colon), at, error.substring(colon + 1)));
                return new Replay(state, i, counted, violations);
            }
            counted += cost(state, vm, toPm);
            if (counted > instance.maxMigrations()) {
                violations.add(new Violation("R8", at, "counted migrations " + counted + " > maxMigrations "
                        + instance.maxMigrations()));
                return new Replay(state, i, counted, violations);
            }
            state.move(vm, toPm, toMask);
        }
        return new Replay(state, plan.size(), counted, violations);
    }
}
