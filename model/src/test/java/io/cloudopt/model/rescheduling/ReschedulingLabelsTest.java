package io.cloudopt.model.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels of problems/rescheduling.md §10 on hand-worked episodes, and the replay check. */
class ReschedulingLabelsTest {
    private static final ReschedulingLabels.Header HEADER = new ReschedulingLabels.Header("toy", "00", 0,
            Json.object().put("name", "hand"));

    /**
     * Two PMs of 2 × 32 cores and 1000 MiB, G = 16: x (4 cores, 10 MiB) on pm0 numa 0, y (28 cores,
     * 10 MiB) on pm1 numa 0. Fragments 12 + 0 + 4 + 0 = 16 of F = 128.
     */
    static ReschedulingInstance twoPms(int k) {
        List<ReschedulingPm.NumaCapacity> numas = List.of(new ReschedulingPm.NumaCapacity(32, 1000),
                new ReschedulingPm.NumaCapacity(32, 1000));
        return new ReschedulingInstance("two-pms", "", Source.NONE, 16, k, true,
                List.of(new ReschedulingPm("pm0", PmStatus.ACTIVE, "r0", numas),
                        new ReschedulingPm("pm1", PmStatus.ACTIVE, "r0", numas)),
                List.of(new ReschedulingVm("x", "t", "pm0", List.of(new ReschedulingVm.Share(0, 4, 10)), true),
                        new ReschedulingVm("y", "t", "pm1", List.of(new ReschedulingVm.Share(0, 28, 10)), true)),
                List.of());
    }

    private static ReschedulingSolution.Step step(int index, String vm, String fromPm, int fromNuma, String toPm,
                                                  List<Integer> toNumas) {
        return new ReschedulingSolution.Step(index, vm, fromPm, List.of(fromNuma), toPm, toNumas);
    }

    /**
     * Toy of §3 (k = 2, movable a = 0 and b = 1, ACTIVE pm0 = 0 and pm1 = 1, so 4 codes per VM). Step
     * 0: b flips to numa 1: i = 1, j = 0, b = 1 → 5; its set is the no-op 4 and the flip 5 (pm1 is
     * forbidden by group g0). Step 1 pads with a's no-op 0; a may also go to pm1 (2, 3), never flip.
     */
    @Test
    void toyFlipThenPadding() {
        ReschedulingInstance toy = ReschedulingToyTest.toy();
        List<ReschedulingSolution.Step> plan = List.of(step(0, "b", "pm0", 0, "pm0", List.of(1)));
        assertThat(ReschedulingLabels.encode(toy, plan)).containsExactly(5, 0);
        List<ObjectNode> lines = ReschedulingLabels.episode(toy, plan, ReschedulingLabels.Features.DEFAULT, HEADER);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("actionSet").toString()).isEqualTo("[4,5]");
        assertThat(lines.get(1).get("actionSet").toString()).isEqualTo("[0,2,3]");
        assertThat(lines).extracting(line -> line.get("reward").asDouble()).containsExactly(0.0, 0.0);
        assertThat(lines).extracting(line -> line.get("truncated").asBoolean()).containsExactly(false, true);
        assertThat(lines.get(0).get("timeSeconds").isNull()).isTrue();
        assertThat(lines.get(0).get("state").toString()).isEqualTo("{\"step\":0,\"stepsLeft\":2,"
                + "\"fragmentCpuCoresTotal\":36,\"fragmentRate\":0.36,\"nVms\":2,\"nPms\":2}");
        assertThat(ReschedulingLabelReplay.check(toy, lines, 0.36)).isEmpty();
    }

    /** x → pm1 numa 0 (its current index, b = 0): action 0·4 + 2·1 + 0 = 2, reward (12 + 4 − 0)/128. */
    @Test
    void moveRewardIsTheFragmentDropOver8G() {
        ReschedulingInstance instance = twoPms(1);
        List<ReschedulingSolution.Step> plan = List.of(step(0, "x", "pm0", 0, "pm1", List.of(0)));
        List<ObjectNode> lines = ReschedulingLabels.episode(instance, plan, ReschedulingLabels.Features.DEFAULT,
                HEADER);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("action").asInt()).isEqualTo(2);
            assertThat(line.get("reward").asDouble()).isEqualTo(0.125);
            assertThat(line.get("truncated").asBoolean()).isTrue();
        });
        assertThat(ReschedulingLabelReplay.check(instance, lines, 0.0)).isEmpty();
    }

    @Test
    void replayReportsTamperedLines() {
        ReschedulingInstance instance = twoPms(2);
        List<ReschedulingSolution.Step> plan = List.of(step(0, "x", "pm0", 0, "pm1", List.of(0)));
        List<ObjectNode> lines = ReschedulingLabels.episode(instance, plan, ReschedulingLabels.Features.DEFAULT,
                HEADER);
        lines.get(0).put("reward", 0.25);
        assertThat(ReschedulingLabelReplay.check(instance, lines, 0.0))
                .anySatisfy(problem -> assertThat(problem).contains("step 0: reward 0.25, replay gives 0.125"))
                .anySatisfy(problem -> assertThat(problem).contains("Σ rewards·8G = 32.0"));
        List<ObjectNode> other = ReschedulingLabels.episode(instance, plan, ReschedulingLabels.Features.DEFAULT,
                HEADER);
        other.get(1).put("action", 99);
        assertThat(ReschedulingLabelReplay.check(instance, List.<JsonNode>copyOf(other), 0.0))
                .anySatisfy(problem -> assertThat(problem).contains("step 1: action 99 not in actionSet"));
    }

    /** Cmax = 64, Mmax = 2000; pm0 has f = (28, 32), 990 and 1000 MiB free; x takes 4 cores, 10 MiB on numa 0. */
    @Test
    void fullFeatures() {
        ReschedulingInstance instance = twoPms(1);
        ObjectNode state = ReschedulingLabels.episode(instance, List.of(), ReschedulingLabels.Features.FULL, HEADER)
                .get(0).get("state").deepCopy();
        double[] pm0 = {28 / 64.0, 32 / 64.0, 990 / 2000.0, 1000 / 2000.0, 12 / 28.0, 12 / 16.0, 0.0, 0.0};
        assertThat(doubles(state.get("pmFeatures").get(0))).containsExactly(pm0);
        assertThat(state.get("pmFeatures")).hasSize(2);
        assertThat(state.get("vmFeatures")).hasSize(2);
        double[] x = new double[14];
        x[0] = 4 / 64.0;
        x[2] = 10 / 2000.0;
        x[4] = 4 / 16.0;
        System.arraycopy(pm0, 0, x, 6, 8);
        assertThat(doubles(state.get("vmFeatures").get(0))).containsExactly(x);
    }

    @Test
    void planToANonActivePmHasNoAction() {
        ReschedulingInstance toy = ReschedulingToyTest.toy();
        List<ReschedulingSolution.Step> plan = List.of(step(0, "b", "pm0", 0, "pm2", List.of(0)));
        assertThatThrownBy(() -> ReschedulingLabels.encode(toy, plan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The step of vm (b) to pm (pm2) has no VMR2L action");
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
