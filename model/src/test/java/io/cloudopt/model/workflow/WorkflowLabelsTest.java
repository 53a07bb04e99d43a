package io.cloudopt.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WorkflowLabelsTest {
    private static final WorkflowLabels.Header HEADER = new WorkflowLabels.Header("toy-fork", "sha", 0);

    /** Two overlapping forks, so VMs are reused, queued, extended and masked across workflows. */
    static WorkflowInstance twoForks() {
        WorkflowInstance toy = WorkflowToyTest.toy();
        Workflow first = toy.workflows().get(0);
        Workflow second = new Workflow("w1", "Toy", 15.0, null, first.tasks());
        Workflow third = new Workflow("w2", "Toy", 3590.0, null, List.of(
                new WorkflowTask("ID00000", 900.0, List.of()), new WorkflowTask("ID00001", 30.0, List.of("ID00000"))));
        return new WorkflowInstance("two-forks", "", null, "gates", toy.vmTypes(), 16, toy.penalty(), 1.5,
                List.of(first, second, third));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bestfit", "prolis", "reuse-first", "new48", "rollout"})
    void labelsReplayExactly(String expert) {
        for (WorkflowInstance instance : List.of(WorkflowToyTest.toy(), twoForks())) {
            WorkflowLabels.Episode episode = WorkflowLabels.episode(instance, expert, HEADER);
            assertThat(WorkflowLabelReplay.check(instance, episode.lines())).isEmpty();
            double rewards = 0;
            for (ObjectNode line : episode.lines()) {
                List<Integer> set = new ArrayList<>();
                line.get("actionSet").forEach(node -> set.add(node.asInt()));
                assertThat(set).contains(line.get("action").asInt());
                assertThat(line.get("state").get("cands")).hasSize(set.size());
                rewards += line.get("reward").asDouble();
            }
            assertThat(rewards).isCloseTo(-episode.outcome().totalCost(), within(1e-9));
            assertThat(episode.lines().get(episode.lines().size() - 1).get("terminated").asBoolean()).isTrue();
            WorkflowOutcome direct = new WorkflowSimulator(instance).run(WorkflowPolicies.create(expert));
            assertThat(episode.outcome().totalCost()).isEqualTo(direct.totalCost());
        }
    }

    @Test
    void rolloutRecordsQPerCandidate() {
        WorkflowLabels.Episode episode = WorkflowLabels.episode(WorkflowToyTest.toy(), "rollout", HEADER);
        ObjectNode first = episode.lines().get(0);
        JsonNode q = first.get("expert").get("q");
        assertThat(q).hasSize(6);
        double min = Double.POSITIVE_INFINITY;
        for (JsonNode value : q) {
            min = Math.min(min, value.asDouble());
        }
        assertThat(q.get(first.get("action").asInt()).asDouble()).isEqualTo(min);
        // Later decisions only improve on the roll-out that chose the first action (3.6127 < 4.608).
        assertThat(episode.outcome().totalCost()).isLessThanOrEqualTo(min);
        double prolis = new WorkflowSimulator(WorkflowToyTest.toy()).run(new WorkflowProlisPolicy()).totalCost();
        assertThat(episode.outcome().totalCost()).isLessThanOrEqualTo(prolis).isGreaterThanOrEqualTo(1.5617777778);
    }

    @Test
    void replayCatchesTamperedLines() {
        WorkflowInstance instance = twoForks();
        List<ObjectNode> lines = new ArrayList<>();
        WorkflowLabels.episode(instance, "prolis", HEADER).lines().forEach(line -> lines.add(line.deepCopy()));
        lines.get(1).put("reward", lines.get(1).get("reward").asDouble() - 0.5);
        assertThat(WorkflowLabelReplay.check(instance, lines)).singleElement().asString().contains("line 2: reward");
        List<ObjectNode> wrongAction = new ArrayList<>();
        WorkflowLabels.episode(instance, "prolis", HEADER).lines().forEach(line -> wrongAction.add(line.deepCopy()));
        wrongAction.get(0).put("action", 99);
        assertThat(WorkflowLabelReplay.check(instance, wrongAction)).singleElement().asString()
                .contains("not in the action set");
    }
}
