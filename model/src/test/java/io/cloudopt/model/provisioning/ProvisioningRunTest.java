package io.cloudopt.model.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Solutions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Seeded runs of the request stream (S1–S4) and the simulator: determinism, statistics, the faas-only golden. */
class ProvisioningRunTest {
    private static final ProvisioningInstance REFERENCE = Instances.read(
            ProvisioningBrokenFilesTest.resource("/provisioning/branchynet-resnet110.json"),
            ProvisioningProblem.INSTANCE).instance();

    /** All stages on FaaS at {@code memoryMiB} (faas-only picks 1769 on the reference instance). */
    static ProvisioningSolution faasOnly(ProvisioningInstance instance, int memoryMiB, long seed) {
        List<ProvisioningSolution.Routing> routing = new ArrayList<>();
        instance.stages().forEach(stage -> routing.add(ProvisioningSolution.Routing.faas(stage.id(), memoryMiB)));
        return new ProvisioningSolution("faas-only", List.of(), List.of(new ProvisioningSolution.Period(0, Map.of(),
                routing)), List.of(), seed, null);
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        ProvisioningInstance tiny = ProvisioningBrokenFilesTest.tiny();
        ProvisioningSolution plan = Solutions.read(
                ProvisioningBrokenFilesTest.resource("/provisioning/tiny-3stage-solution.json"),
                ProvisioningProblem.INSTANCE, tiny).solution();
        ProvisioningSimulator.Run first = ProvisioningSimulator.run(tiny, plan, 7);
        ProvisioningSimulator.Run second = ProvisioningSimulator.run(tiny, plan, 7);
        ProvisioningSimulator.Run other = ProvisioningSimulator.run(tiny, plan, 8);
        assertThat(second).isEqualTo(first);
        assertThat(other.outcome().requests()).isNotEqualTo(first.outcome().requests());
        assertThat(first.outcome().seed()).isEqualTo(7);
        // 600 s at 5 req/s.
        assertThat(first.outcome().requests()).isBetween(2700L, 3300L);
        assertThat(ProvisioningEvaluator.objective(tiny, plan)).isEqualTo(
                ProvisioningSimulator.run(tiny, plan, plan.seed()).outcome().costUsd());
    }

    /** §11 generator checks on one seed: exit shares within 0.002 of e, X_i means ±1%, on 10^6 requests. */
    @Test
    void exitSharesAndServiceMeansOfTheStream() {
        ProvisioningRequestStream stream = new ProvisioningRequestStream(REFERENCE, 1);
        int n = 1_000_000;
        long[] exits = new long[3];
        double[] sums = new double[3];
        double[] service = new double[3];
        double previous = 0;
        for (int r = 0; r < n; r++) {
            double arrival = stream.peekArrivalSeconds();
            assertThat(arrival).isGreaterThanOrEqualTo(previous);
            previous = arrival;
            exits[stream.take(service, 0)]++;
            for (int i = 0; i < 3; i++) {
                sums[i] += service[i];
            }
        }
        for (int i = 0; i < 3; i++) {
            ProvisioningInstance.Stage stage = REFERENCE.stages().get(i);
            assertThat((double) exits[i] / n).isCloseTo(stage.exitFraction(), within(0.002));
            assertThat(sums[i] / n).isCloseTo(stage.serviceMeanMs(), within(0.01 * stage.serviceMeanMs()));
        }
    }

    @Test
    void paretoServiceHasItsMean() {
        List<ProvisioningInstance.Stage> stages = new ArrayList<>();
        for (ProvisioningInstance.Stage stage : REFERENCE.stages()) {
            stages.add(new ProvisioningInstance.Stage(stage.id(), stage.exitFraction(), stage.serviceMeanMs(),
                    ProvisioningInstance.ServiceDistribution.pareto(3.5), stage.minMemoryMiB()));
        }
        ProvisioningInstance pareto = new ProvisioningInstance("pareto", "", null, 3600, 300, stages,
                REFERENCE.faas(), REFERENCE.vmTypes(), 100, 60, REFERENCE.transferMs(), REFERENCE.slo(),
                REFERENCE.arrivals(), REFERENCE.simulation());
        ProvisioningRequestStream stream = new ProvisioningRequestStream(pareto, 3);
        double[] service = new double[3];
        double sum = 0;
        double minimum = Double.POSITIVE_INFINITY;
        int n = 200_000;
        for (int r = 0; r < n; r++) {
            stream.take(service, 0);
            sum += service[0];
            minimum = Math.min(minimum, service[0]);
        }
        // Scale x_m = s(a − 1)/a = 11 · 2.5/3.5; the mean of 2·10^5 draws with a = 3.5 is within 2%.
        assertThat(minimum).isGreaterThanOrEqualTo(11 * 2.5 / 3.5);
        assertThat(sum / n).isCloseTo(11.0, within(0.22));
    }

    @Test
    void anInstanceWithoutVmTypesRunsOnlyFaasOnly() {
        ProvisioningInstance noVms = new ProvisioningInstance("no-vms", "", null, 600, 300, REFERENCE.stages(),
                REFERENCE.faas(), List.of(), 100, 60, REFERENCE.transferMs(), REFERENCE.slo(), REFERENCE.arrivals(),
                REFERENCE.simulation());
        assertThat(ProvisioningValidation.check(noVms)).isEmpty();
        ProvisioningValidation.requireVmTypesFor(noVms, "faas-only", "no-vms.json");
        ProvisioningValidation.requireVmTypesFor(noVms, "greedy-faas-only", "no-vms.json");
        assertThatThrownBy(() -> ProvisioningValidation.requireVmTypesFor(noVms, "libra", "no-vms.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("$.vmTypes: no VM types; only faas-only can run");
    }

    @Test
    void theReferenceInstanceRoundTrips() {
        ProvisioningInstance again = Instances.revalidate(ProvisioningProblem.INSTANCE, REFERENCE, "round trip");
        assertThat(again).isEqualTo(REFERENCE);
        assertThat(REFERENCE.periodCount()).isEqualTo(288);
        // The expected profile: trough 20/s at 00:00, peak 80/s at 12:00.
        assertThat(REFERENCE.arrivals().ratePerSecond(0)).isCloseTo(20, within(1e-3));
        assertThat(REFERENCE.arrivals().ratePerSecond(43_200)).isCloseTo(80, within(1e-3));
    }

    /**
     * §12 faas-only on a full day, seed 1: cost per request 2.55169e-6 ±0.3%, expected cost 12.126 USD
     * ±5%, p99 327.85 ms ±3, the SLO met.
     */
    @Test
    @Tag("slow")
    void faasOnlyOnTheReferenceDay() {
        ProvisioningOutcome outcome = ProvisioningSimulator.run(REFERENCE, faasOnly(REFERENCE, 1769, 1), 1).outcome();
        assertThat(outcome.costUsd() / outcome.requests()).isCloseTo(2.55169e-6, within(0.003 * 2.55169e-6));
        assertThat(outcome.costUsd()).isCloseTo(12.126, within(0.05 * 12.126));
        assertThat(outcome.p99LatencyMs()).isCloseTo(327.85, within(3.0));
        assertThat(outcome.sloMet()).isTrue();
        assertThat(outcome.vmCostUsd()).isZero();
        assertThat(outcome.vmToFaasOverflow()).isZero();
    }

    /** §11: the mean rate over a day is 50·(1 + 3·30/900) = 55/s ±2% over 30 seeds; bursts 1/30 of the time ±10%. */
    @Test
    @Tag("slow")
    void meanRateAndBurstShareOverThirtySeeds() {
        long arrivals = 0;
        long burstSeconds = 0;
        double[] service = new double[3];
        for (long seed = 1; seed <= 30; seed++) {
            ProvisioningRequestStream stream = new ProvisioningRequestStream(REFERENCE, seed);
            while (stream.peekArrivalSeconds() != Double.POSITIVE_INFINITY) {
                stream.take(service, 0);
                arrivals++;
            }
            burstSeconds += stream.burstSeconds();
        }
        assertThat(arrivals / (30 * 86_400.0)).isCloseTo(55.0, within(0.02 * 55));
        assertThat(burstSeconds / (30 * 86_400.0)).isCloseTo(1.0 / 30, within(0.1 / 30));
    }
}
