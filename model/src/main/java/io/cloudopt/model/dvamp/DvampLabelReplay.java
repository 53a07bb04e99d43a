package io.cloudopt.model.dvamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The check of DESIGN §6 on one episode's label lines: every labelled action is in its action set
 * and feasible in the recorded state, and replaying the actions through the simulator reproduces
 * every time, every reward bit for bit, and the episode's end.
 */
public final class DvampLabelReplay {
    private DvampLabelReplay() {
    }

    /** Problems found (empty when the labels replay exactly). */
    public static List<String> check(DvampWorkload workload, DvampSemantics semantics, boolean departures,
                                     DvampEpisode episode, List<JsonNode> lines) {
        List<String> problems = new ArrayList<>();
        int[] actions = new int[lines.size()];
        for (int step = 0; step < lines.size(); step++) {
            JsonNode line = lines.get(step);
            int action = line.get("action").asInt();
            actions[step] = action;
            boolean inSet = false;
            for (JsonNode allowed : line.get("actionSet")) {
                inSet |= allowed.asInt() == action;
            }
            if (!inSet) {
                problems.add("step " + step + ": action " + action + " not in actionSet " + line.get("actionSet"));
            }
            if (line.get("step").asInt() != step) {
                problems.add("step " + step + ": line says step " + line.get("step").asInt());
            }
        }
        DvampPolicy replay = new DvampPolicy() {
            @Override
            public String name() {
                return "labels";
            }

            @Override
            public int choose(DvampState state, int vm) {
                return vm < actions.length ? actions[vm] : -1;
            }
        };
        List<String> mismatches = new ArrayList<>();
        DvampObserver observer = (state, vm, action, waitSeconds, reward) -> {
            if (vm >= lines.size()) {
                mismatches.add("the simulator asks for decision " + vm + " but the labels end at " + lines.size());
                return;
            }
            JsonNode line = lines.get(vm);
            int[] feasible = state.feasibleActions(vm);
            if (!java.util.Arrays.equals(feasible, ints(line.get("actionSet")))) {
                mismatches.add("step " + vm + ": actionSet " + line.get("actionSet") + ", simulator gives "
                        + java.util.Arrays.toString(feasible));
            }
            JsonNode time = line.get("timeSeconds");
            if (time == null || time.asLong() != state.timeSeconds()) {
                mismatches.add("step " + vm + ": timeSeconds " + time + ", simulator gives " + state.timeSeconds());
            }
            double recorded = line.get("reward").asDouble();
            if (Double.doubleToLongBits(recorded) != Double.doubleToLongBits(reward)) {
                mismatches.add("step " + vm + ": reward " + recorded + ", simulator gives " + reward);
            }
            boolean last = vm == lines.size() - 1;
            if (line.get("terminated").asBoolean() != last) {
                mismatches.add("step " + vm + ": terminated " + line.get("terminated").asBoolean());
            }
        };
        try {
            DvampRun run = new DvampSimulator(workload).run(replay, semantics, departures, episode, observer);
            if (run.placedCount() != lines.size()) {
                mismatches.add("the simulator places " + run.placedCount() + " VMs, the labels have " + lines.size());
            }
        } catch (IllegalStateException e) {
            mismatches.add(e.getMessage());
        }
        problems.addAll(mismatches);
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
