package io.cloudopt.model.rescheduling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Expert labels in the VMR2L action space (problems/rescheduling.md §10): VM index i among the
 * movable VMs, PM index j among the ACTIVE PMs, flat action i·(2|P|) + 2j + b. An ordered plan is
 * encoded step by step and padded with no-ops to max(k, plan length) steps; each line records the
 * state before the step, the labelled VM's feasible actions, the action and its reward
 * Δ fragments / (8·G). {@link ReschedulingLabelReplay} checks a written episode.
 */
public final class ReschedulingLabels {
    private ReschedulingLabels() {
    }

    /** What a line's {@code state} holds: the four scalars, or also the per-PM and per-VM features. */
    public enum Features {
        DEFAULT, FULL
    }

    /** The fields every line of an episode starts with. */
    public record Header(String instance, String instanceSha256, int episode, ObjectNode expert) {
    }

    /** The action space of an instance: movable VMs and ACTIVE PMs by index. */
    public static final class ActionSpace {
        private final int[] movable;
        private final int[] movableIndex;
        private final int[] active;
        private final int[] activeIndex;

        ActionSpace(ReschedulingState state) {
            movableIndex = new int[state.vmCount()];
            activeIndex = new int[state.pmCount()];
            List<Integer> vms = new ArrayList<>();
            for (int v = 0; v < state.vmCount(); v++) {
                movableIndex[v] = state.isMovable(v) ? vms.size() : -1;
                if (state.isMovable(v)) {
                    vms.add(v);
                }
            }
            List<Integer> pms = new ArrayList<>();
            for (int p = 0; p < state.pmCount(); p++) {
                activeIndex[p] = state.isActive(p) ? pms.size() : -1;
                if (state.isActive(p)) {
                    pms.add(p);
                }
            }
            movable = vms.stream().mapToInt(Integer::intValue).toArray();
            active = pms.stream().mapToInt(Integer::intValue).toArray();
        }

        /** |V|, the number of movable VMs. */
        public int vmCount() {
            return movable.length;
        }

        /** |P|, the number of ACTIVE PMs. */
        public int pmCount() {
            return active.length;
        }

        /** The instance index of movable VM i. */
        public int vm(int i) {
            return movable[i];
        }

        /** The instance index of ACTIVE PM j. */
        public int pm(int j) {
            return active[j];
        }

        int flat(int i, int j, int b) {
            return i * 2 * active.length + 2 * j + b;
        }

        /**
         * The step an action takes in {@code state}: {@code toMask} 0 for a no-op; null when the action
         * is infeasible (§10 semantics; groups and memory apply).
         */
        public Decoded decode(ReschedulingState state, int action) {
            int width = 2 * active.length;
            if (action < 0 || action >= movable.length * width) {
                return null;
            }
            int vm = movable[action / width];
            int pm = active[(action % width) / 2];
            int b = action % 2;
            int host = state.host(vm);
            if (pm == host) {
                if (b == 0) {
                    return new Decoded(vm, pm, 0);
                }
                int other = 3 - state.numaMask(vm);
                return !state.isDouble(vm) && feasible(state, vm, pm, other) ? new Decoded(vm, pm, other) : null;
            }
            if (state.isDouble(vm)) {
                return feasible(state, vm, pm, 3) ? new Decoded(vm, pm, 3) : null;
            }
            int current = state.numaMask(vm);
            int first = b == 0 ? current : 3 - current;
            if (feasible(state, vm, pm, first)) {
                return new Decoded(vm, pm, first);
            }
            return feasible(state, vm, pm, 3 - first) ? new Decoded(vm, pm, 3 - first) : null;
        }

        /** The feasible flat actions of movable VM i in {@code state}, ascending (its own host's no-op included). */
        public int[] actionSet(ReschedulingState state, int i) {
            List<Integer> actions = new ArrayList<>();
            for (int j = 0; j < active.length; j++) {
                for (int b = 0; b < 2; b++) {
                    int action = flat(i, j, b);
                    if (decode(state, action) != null) {
                        actions.add(action);
                    }
                }
            }
            return actions.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The action of a plan step taken in {@code state} (b = 1 for a flip or a single-NUMA VM changing its NUMA index). */
        int encode(ReschedulingState state, int vm, int toPm, int toMask) {
            int i = movableIndex[vm];
            int j = activeIndex[toPm];
            if (i < 0 || j < 0) {
                throw new IllegalArgumentException("The step of vm (" + state.vmId(vm) + ") to pm (" + state.pmId(toPm)
                        + ") has no VMR2L action: only movable VMs and ACTIVE PMs are indexed."
                        + "\nMaybe the plan was made under the relaxed greedy-vmr2l rules.");
            }
            int b = !state.isDouble(vm) && toMask != state.numaMask(vm) ? 1 : 0;
            return flat(i, j, b);
        }

        /** The padding no-op: movable VM 0 on its current host, b = 0. */
        int noOp(ReschedulingState state) {
            return flat(0, activeIndex[state.host(movable[0])], 0);
        }

        private static boolean feasible(ReschedulingState state, int vm, int pm, int mask) {
            return ReschedulingSimulator.stepError(state, vm, pm, mask, ReschedulingSimulator.Rules.STRICT) == null;
        }
    }

    /** A decoded action: VM {@code vm} to (toPm, toMask), or a no-op when {@code toMask} is 0. */
    public record Decoded(int vm, int toPm, int toMask) {
        public boolean isNoOp() {
            return toMask == 0;
        }
    }

    /**
     * The flat actions of a plan replayed from the initial placement, padded with no-ops to
     * max(k, plan length). The plan must be valid under the strict rules.
     */
    public static int[] encode(ReschedulingInstance instance, List<ReschedulingSolution.Step> plan) {
        ReschedulingState state = ReschedulingState.initial(instance);
        ActionSpace space = new ActionSpace(state);
        int length = space.vmCount() == 0 ? 0 : Math.max(instance.maxMigrations(), plan.size());
        int[] actions = new int[length];
        for (int t = 0; t < length; t++) {
            if (t < plan.size()) {
                ReschedulingSolution.Step step = plan.get(t);
                int vm = state.vmIndex(step.vm());
                int toPm = state.pmIndex(step.toPm());
                int toMask = ReschedulingState.mask(step.toNumas());
                actions[t] = space.encode(state, vm, toPm, toMask);
                state.move(vm, toPm, toMask);
            } else {
                actions[t] = space.noOp(state);
            }
        }
        return actions;
    }

    /** Δ = Σ (f mod G) over the PMs a step touches, before − after, divided by 8·G (the env's Δ/128 for G = 16). */
    public static double reward(long fragmentsBefore, long fragmentsAfter, int fragmentCpuCores) {
        return (double) (fragmentsBefore - fragmentsAfter) / (8.0 * fragmentCpuCores);
    }

    /** The fragment cores of the PMs a step from {@code fromPm} to {@code toPm} touches. */
    static long touchedFragments(ReschedulingState state, int fromPm, int toPm) {
        return state.fragments(fromPm) + (toPm == fromPm ? 0 : state.fragments(toPm));
    }

    /**
     * The label lines of one episode: the plan's actions (see {@link #encode}), each with the state
     * before it, the labelled VM's action set, the reward, {@code truncated} on the last line and
     * {@code timeSeconds} null (no clock).
     */
    public static List<ObjectNode> episode(ReschedulingInstance instance, List<ReschedulingSolution.Step> plan,
                                           Features features, Header header) {
        int[] actions = encode(instance, plan);
        ReschedulingState state = ReschedulingState.initial(instance);
        ActionSpace space = new ActionSpace(state);
        Scale scale = Scale.of(state);
        List<ObjectNode> lines = new ArrayList<>(actions.length);
        for (int t = 0; t < actions.length; t++) {
            int action = actions[t];
            int i = action / (2 * space.pmCount());
            ObjectNode line = Json.object();
            line.put("instance", header.instance());
            line.put("instanceSha256", header.instanceSha256());
            line.put("episode", header.episode());
            line.put("step", t);
            line.putNull("timeSeconds");
            line.set("state", state(state, space, scale, t, actions.length, features));
            ArrayNode actionSet = line.putArray("actionSet");
            for (int allowed : space.actionSet(state, i)) {
                actionSet.add(allowed);
            }
            line.put("action", action);
            line.set("expert", header.expert());
            Decoded decoded = space.decode(state, action);
            double reward = 0.0;
            if (!decoded.isNoOp()) {
                int fromPm = state.host(decoded.vm());
                long before = touchedFragments(state, fromPm, decoded.toPm());
                state.move(decoded.vm(), decoded.toPm(), decoded.toMask());
                reward = reward(before, touchedFragments(state, fromPm, decoded.toPm()), state.fragmentCpuCores());
            }
            line.put("reward", reward);
            line.put("terminated", false);
            line.put("truncated", t == actions.length - 1);
            lines.add(line);
        }
        return lines;
    }

    /** Cmax and Mmax: the largest total cpu and memory of an ACTIVE PM (88 and 368776 in the data). */
    record Scale(double cpu, double memory) {
        static Scale of(ReschedulingState state) {
            long cpu = 0;
            long memory = 0;
            for (int p = 0; p < state.pmCount(); p++) {
                if (state.isActive(p)) {
                    cpu = Math.max(cpu, (long) state.capacityCpu(p, 0) + state.capacityCpu(p, 1));
                    memory = Math.max(memory, state.capacityMemory(p, 0) + state.capacityMemory(p, 1));
                }
            }
            return new Scale(cpu, memory);
        }
    }

    /** The {@code state} object of step t of an episode of {@code length} steps. */
    static ObjectNode state(ReschedulingState state, ActionSpace space, Scale scale, int step, int length,
                            Features features) {
        ObjectNode node = Json.object();
        node.put("step", step);
        node.put("stepsLeft", length - step);
        node.put("fragmentCpuCoresTotal", state.totalFragments());
        node.put("fragmentRate", state.fragmentRate());
        node.put("nVms", space.vmCount());
        node.put("nPms", space.pmCount());
        if (features == Features.FULL) {
            ArrayNode pmFeatures = node.putArray("pmFeatures");
            for (int j = 0; j < space.pmCount(); j++) {
                ArrayNode row = pmFeatures.addArray();
                for (double value : pmFeatures(state, scale, space.pm(j))) {
                    row.add(value);
                }
            }
            ArrayNode vmFeatures = node.putArray("vmFeatures");
            int g = state.fragmentCpuCores();
            for (int i = 0; i < space.vmCount(); i++) {
                int vm = space.vm(i);
                ArrayNode row = vmFeatures.addArray();
                int mask = state.numaMask(vm);
                double[] cpu = new double[2];
                double[] memory = new double[2];
                for (int n = 0; n < 2; n++) {
                    cpu[n] = (mask & (1 << n)) != 0 ? state.cpuShare(vm) : 0;
                    memory[n] = (mask & (1 << n)) != 0 ? state.memoryShare(vm) : 0;
                }
                row.add(cpu[0] / scale.cpu()).add(cpu[1] / scale.cpu());
                row.add(memory[0] / scale.memory()).add(memory[1] / scale.memory());
                row.add(Math.floorMod((long) cpu[0], g) / (double) g).add(Math.floorMod((long) cpu[1], g) / (double) g);
                for (double value : pmFeatures(state, scale, state.host(vm))) {
                    row.add(value);
                }
            }
        }
        return node;
    }

    /** f0/Cmax, f1/Cmax, mfree0/Mmax, mfree1/Mmax, (f0 mod G)/f0, (f0 mod G)/G, (f1 mod G)/f1, (f1 mod G)/G; x/0 := 0. */
    static double[] pmFeatures(ReschedulingState state, Scale scale, int pm) {
        int g = state.fragmentCpuCores();
        double[] features = new double[8];
        for (int n = 0; n < 2; n++) {
            int free = state.freeCpu(pm, n);
            int fragment = Math.floorMod(free, g);
            features[n] = free / scale.cpu();
            features[2 + n] = state.freeMemory(pm, n) / scale.memory();
            features[4 + 2 * n] = free == 0 ? 0.0 : fragment / (double) free;
            features[5 + 2 * n] = fragment / (double) g;
        }
        return features;
    }
}
