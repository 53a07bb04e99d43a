package io.cloudopt.model.rescheduling;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The checks of problems/rescheduling.md §10 on one episode's label lines: every labelled action is
 * in its action set and feasible in the replayed state, the recorded action sets, state scalars and
 * rewards are reproduced bit for bit, the counted migrations stay within k, the replay ends at the
 * expert's fragment rate, and Σ rewards·8G = initial − final fragment cores.
 */
public final class ReschedulingLabelReplay {
    private ReschedulingLabelReplay() {
    }

    /** Problems found (empty when the labels replay exactly). */
    public static List<String> check(ReschedulingInstance instance, List<? extends JsonNode> lines,
                                     double expertFragmentRate) {
        List<String> problems = new ArrayList<>();
        ReschedulingState state = ReschedulingState.initial(instance);
        ReschedulingLabels.ActionSpace space = new ReschedulingLabels.ActionSpace(state);
        long initialFragments = state.totalFragments();
        int g = state.fragmentCpuCores();
        if (space.vmCount() > 0 && lines.size() < instance.maxMigrations()) {
            problems.add("the episode has " + lines.size() + " steps < maxMigrations " + instance.maxMigrations());
        }
        double rewards = 0.0;
        int counted = 0;
        for (int t = 0; t < lines.size(); t++) {
            JsonNode line = lines.get(t);
            String at = "step " + t + ": ";
            if (line.path("step").asInt(-1) != t) {
                problems.add(at + "line says step " + line.path("step"));
            }
            if (!line.path("timeSeconds").isNull()) {
                problems.add(at + "timeSeconds must be null (no clock), found " + line.path("timeSeconds"));
            }
            JsonNode recorded = line.path("state");
            if (recorded.path("stepsLeft").asInt(-1) != lines.size() - t
                    || recorded.path("fragmentCpuCoresTotal").asLong(-1) != state.totalFragments()
                    || Double.doubleToLongBits(recorded.path("fragmentRate").asDouble(Double.NaN))
                    != Double.doubleToLongBits(state.fragmentRate())) {
                problems.add(at + "state " + recorded.path("stepsLeft") + " steps left, "
                        + recorded.path("fragmentCpuCoresTotal") + " fragment cores, FR " + recorded.path("fragmentRate")
                        + "; replay gives " + (lines.size() - t) + ", " + state.totalFragments() + ", "
                        + state.fragmentRate());
            }
            int action = line.path("action").asInt(-1);
            int[] actionSet = ints(line.path("actionSet"));
            if (Arrays.stream(actionSet).noneMatch(allowed -> allowed == action)) {
                problems.add(at + "action " + action + " not in actionSet " + line.path("actionSet"));
            }
            ReschedulingLabels.Decoded decoded = space.decode(state, action);
            if (decoded == null) {
                problems.add(at + "action " + action + " is infeasible in the replayed state");
                break;
            }
            int i = action / (2 * space.pmCount());
            int[] expected = space.actionSet(state, i);
            if (!Arrays.equals(actionSet, expected)) {
                problems.add(at + "actionSet " + line.path("actionSet") + ", replay gives " + Arrays.toString(expected));
            }
            double reward = 0.0;
            if (!decoded.isNoOp()) {
                int fromPm = state.host(decoded.vm());
                counted += ReschedulingSimulator.cost(state, decoded.vm(), decoded.toPm());
                long before = ReschedulingLabels.touchedFragments(state, fromPm, decoded.toPm());
                state.move(decoded.vm(), decoded.toPm(), decoded.toMask());
                reward = ReschedulingLabels.reward(before, ReschedulingLabels.touchedFragments(state, fromPm,
                        decoded.toPm()), g);
            }
            double written = line.path("reward").asDouble(Double.NaN);
            if (Double.doubleToLongBits(written) != Double.doubleToLongBits(reward)) {
                problems.add(at + "reward " + written + ", replay gives " + reward);
            }
            rewards += written;
            if (line.path("terminated").asBoolean(true)) {
                problems.add(at + "terminated must be false (an episode ends by truncation)");
            }
            if (line.path("truncated").asBoolean(false) != (t == lines.size() - 1)) {
                problems.add(at + "truncated must be true on the last step only");
            }
        }
        if (counted > instance.maxMigrations()) {
            problems.add("counted migrations " + counted + " > maxMigrations " + instance.maxMigrations());
        }
        if (Double.doubleToLongBits(state.fragmentRate()) != Double.doubleToLongBits(expertFragmentRate)) {
            problems.add("the replay ends at FR " + state.fragmentRate() + ", the expert at " + expertFragmentRate);
        }
        double freed = initialFragments - state.totalFragments();
        if (Math.abs(rewards * 8 * g - freed) > 1e-6) {
            problems.add("Σ rewards·8G = " + rewards * 8 * g + " but the fragment cores fell by " + freed);
        }
        return problems;
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }
}
