package io.cloudopt.solvers.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * §10 labels: one line per period, the expert's period decision encoded in mixed radix, inside its action
 * set, and rewards that a replay of the decoded actions reproduces; a tampered reward or action is caught.
 */
class ProvisioningLabelsTest {
    /** The first hour of the reference day, shifted so that the peak (80 req/s) falls in its middle. */
    static ProvisioningInstance peakHour() {
        ProvisioningInstance reference = ProvisioningReference.INSTANCE;
        ProvisioningInstance.Arrivals arrivals = ProvisioningInstance.Arrivals.diurnal(50, 0.6, 1800,
                reference.arrivals().burst());
        return new ProvisioningInstance("peak-1h", "", null, 3600, reference.periodSeconds(), reference.stages(),
                reference.faas(), reference.vmTypes(), reference.vmColdStartSeconds(), reference.vmMinBillingSeconds(),
                reference.transferMs(), reference.slo(), arrivals, reference.simulation());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"oracle", "milp-rolling"})
    void expertLabelsEncodeItsPlanAndReplay(String name) {
        ProvisioningInstance instance = peakHour();
        SolveReport<ProvisioningSolution> report = ProvisioningSolvers.CATALOG.create(name).solve(instance,
                SolveOptions.withTimeLimit(Duration.ofSeconds(5)));
        ProvisioningSolution plan = report.solution();
        ObjectNode expert = Json.object().put("name", name).put("status", report.status().name());
        ProvisioningLabels.Episode episode = ProvisioningLabels.episode(instance, plan,
                ProvisioningLabels.expertRates(instance, name, 1), 1,
                new ProvisioningLabels.Header(instance.name(), "0".repeat(64), 0, expert));
        List<ObjectNode> lines = episode.lines();
        assertThat(lines).hasSize(instance.periodCount());
        assertThat(lines.get(3).get("step").asInt()).isEqualTo(3);
        assertThat(lines.get(3).get("timeSeconds").asDouble()).isEqualTo(900.0);
        assertThat(lines.get(0).get("state").get("readyVms")).hasSize(3);
        assertThat(lines.get(lines.size() - 1).get("terminated").asBoolean()).isTrue();
        double rewards = lines.stream().mapToDouble(line -> line.get("reward").asDouble()).sum();
        assertThat(-rewards).isCloseTo(episode.run().outcome().costUsd(), org.assertj.core.api.Assertions.within(1e-9));
        // The plan uses VMs at the peak: some stage digit has a positive count.
        boolean vms = false;
        for (ObjectNode line : lines) {
            for (int[] digits : episode.encoding().decode(line.get("action").asLong())) {
                vms |= digits[1] > 0;
            }
        }
        assertThat(vms).isTrue();
        assertThat(ProvisioningLabels.check(instance, lines, episode.encoding(), 1)).isEmpty();
        // The decoded plan leaves out only launches taken back before they serve: never dearer than the expert's.
        assertThat(episode.run().outcome().costUsd()).isLessThanOrEqualTo(episode.expert().outcome().costUsd() + 1e-12);
        assertThat(episode.run().outcome().faasCostUsd()).isEqualTo(episode.expert().outcome().faasCostUsd());

        List<ObjectNode> tampered = new ArrayList<>();
        lines.forEach(line -> tampered.add(line.deepCopy()));
        tampered.get(5).put("reward", tampered.get(5).get("reward").asDouble() * 1.001);
        assertThat(ProvisioningLabels.check(instance, tampered, episode.encoding(), 1))
                .singleElement().asString().startsWith("step 5: reward");
    }

    @Test
    void encodingRoundTripsStageDigits() {
        ProvisioningLabels.Encoding encoding = new ProvisioningLabels.Encoding(new int[][] {{3, 5, 4, 21},
                {3, 7, 4, 21}});
        long s0 = encoding.stageCode(0, 2, 4, 1, 20);
        long s1 = encoding.stageCode(1, 1, 6, 3, 7);
        // ((2·5 + 4)·4 + 1)·21 + 20 = 1217; ((1·7 + 6)·4 + 3)·21 + 7 = 1162; stage 1 least significant.
        assertThat(s0).isEqualTo(1217);
        assertThat(s1).isEqualTo(1162);
        long action = encoding.action(new long[] {s0, s1});
        assertThat(action).isEqualTo(1162L * (3 * 5 * 4 * 21) + 1217);
        assertThat(encoding.decode(action)).isDeepEqualTo(new int[][] {{2, 4, 1, 20}, {1, 6, 3, 7}});
    }
}
