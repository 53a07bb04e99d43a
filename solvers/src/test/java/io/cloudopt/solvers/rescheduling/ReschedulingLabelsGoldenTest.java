package io.cloudopt.solvers.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.instances.rescheduling.Vmr2lConverter;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingLabelReplay;
import io.cloudopt.model.rescheduling.ReschedulingLabels;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.testing.SharedData;
import io.cloudopt.solvers.common.SolveOptions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Greedy labels on reset_vm_pm0 (problems/rescheduling.md §10, §12): encoded, replayed, summed. */
class ReschedulingLabelsGoldenTest {
    private static ReschedulingInstance reset;

    @BeforeAll
    static void convert() {
        reset = Vmr2lConverter.convert(SharedData.file("rescheduling/reset_vm_pm0.json"),
                Vmr2lConverter.Options.DEFAULT).instance();
    }

    private static List<ObjectNode> label(ReschedulingInstance instance, ReschedulingSolution solution,
                                          ReschedulingLabels.Features features) {
        return ReschedulingLabels.episode(instance, solution.plan(), features,
                new ReschedulingLabels.Header(instance.name(), "sha", 0, Json.object().put("name", "greedy")));
    }

    /**
     * k = 50: 19 greedy moves, then 31 no-ops. Step 0 moves movable VM 667 to ACTIVE PM 0, NUMA 1 → 0
     * (b = 1): 667·558 + 1 = 372187, reward (14 + 2)/128. Σ rewards·128 = 834 − 530.
     */
    @Test
    void greedyAtK50() {
        ReschedulingSolution solution = new ReschedulingGreedy(ReschedulingGreedy.Variant.CORRECTED)
                .solve(reset, SolveOptions.DEFAULT).solution();
        List<ObjectNode> lines = label(reset, solution, ReschedulingLabels.Features.DEFAULT);
        assertThat(lines).hasSize(50);
        assertThat(lines.get(0).get("action").asInt()).isEqualTo(372187);
        assertThat(lines.get(0).get("reward").asDouble()).isEqualTo(0.125);
        assertThat(lines.get(0).get("state").get("nVms").asInt()).isEqualTo(2089);
        assertThat(lines.get(0).get("state").get("nPms").asInt()).isEqualTo(279);
        assertThat(lines.subList(19, 50)).allSatisfy(line -> assertThat(line.get("reward").asDouble()).isZero());
        double sum = lines.stream().mapToDouble(line -> line.get("reward").asDouble()).sum();
        assertThat(sum * 128).isEqualTo(834 - 530);
        double rate = ReschedulingProblem.INSTANCE.objective(reset, solution);
        assertThat(ReschedulingLabelReplay.check(reset, lines, rate)).isEmpty();
    }

    @Test
    void fullFeaturesAtK5() {
        ReschedulingInstance instance = reset.withMaxMigrations(5);
        ReschedulingSolution solution = new ReschedulingGreedy(ReschedulingGreedy.Variant.CORRECTED)
                .solve(instance, SolveOptions.DEFAULT).solution();
        List<ObjectNode> lines = label(instance, solution, ReschedulingLabels.Features.FULL);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("state").get("pmFeatures")).hasSize(279);
        assertThat(lines.get(0).get("state").get("pmFeatures").get(0)).hasSize(8);
        assertThat(lines.get(0).get("state").get("vmFeatures")).hasSize(2089);
        assertThat(lines.get(0).get("state").get("vmFeatures").get(0)).hasSize(14);
        assertThat(ReschedulingLabelReplay.check(instance, lines, 754.0 / 1394)).isEmpty();
    }
}
