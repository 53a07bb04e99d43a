package io.cloudopt.model.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The consistency check of labels (problems/workflow.md §10): replaying the labelled actions in a
 * fresh gates simulator, every action is in its line's action set, the action set is the state's
 * unmasked candidates, every reward and the terminated flags are reproduced, and the last line's
 * summary equals the replayed totals, all to 1e-9.
 */
public final class WorkflowLabelReplay {
    public static final double TOLERANCE = 1e-9;

    private WorkflowLabelReplay() {
    }

    /** The problems found (empty when the labels replay exactly). */
    public static List<String> check(WorkflowInstance instance, List<? extends JsonNode> lines) {
        List<String> problems = new ArrayList<>();
        WorkflowSimulator simulator = new WorkflowSimulator(instance);
        boolean more = simulator.start();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String at = "line " + (i + 1);
            if (!more) {
                problems.add(at + ": the episode ended before this line");
                return problems;
            }
            WorkflowSimulator.Decision decision = simulator.decision();
            Set<Integer> expectedSet = new HashSet<>();
            WorkflowLabels.actionSet(decision).forEach(node -> expectedSet.add(node.asInt()));
            Set<Integer> labelledSet = new HashSet<>();
            line.get("actionSet").forEach(node -> labelledSet.add(node.asInt()));
            if (!expectedSet.equals(labelledSet)) {
                problems.add(at + ": actionSet " + labelledSet + " != the simulator's candidates " + expectedSet);
            }
            int action = line.get("action").asInt();
            if (!labelledSet.contains(action) || !expectedSet.contains(action)) {
                problems.add(at + ": action " + action + " is not in the action set");
                return problems;
            }
            if (Math.abs(line.get("timeSeconds").asDouble() - decision.now()) > TOLERANCE) {
                problems.add(at + ": timeSeconds " + line.get("timeSeconds").asDouble() + " != " + decision.now());
            }
            double before = simulator.vmCost() + simulator.penaltyTotal();
            more = simulator.apply(action);
            double reward = WorkflowLabels.reward(before, simulator);
            if (Math.abs(line.get("reward").asDouble() - reward) > TOLERANCE) {
                problems.add(at + ": reward " + line.get("reward").asDouble() + " != replayed " + reward);
            }
            if (line.get("terminated").asBoolean() != !more) {
                problems.add(at + ": terminated " + line.get("terminated").asBoolean() + " != " + !more);
            }
        }
        if (more) {
            problems.add("the labels end before the episode (" + lines.size() + " lines)");
            return problems;
        }
        JsonNode last = lines.isEmpty() ? null : lines.get(lines.size() - 1).path("info").get("summary");
        if (last == null) {
            problems.add("the last line has no info.summary");
            return problems;
        }
        ObjectNode replayed = WorkflowLabels.summary(simulator.outcome());
        replayed.fieldNames().forEachRemaining(field -> {
            double expected = replayed.get(field).asDouble();
            double found = last.path(field).asDouble(Double.NaN);
            if (!(Math.abs(found - expected) <= TOLERANCE)) {
                problems.add("summary." + field + " " + found + " != replayed " + expected);
            }
        });
        return problems;
    }
}
