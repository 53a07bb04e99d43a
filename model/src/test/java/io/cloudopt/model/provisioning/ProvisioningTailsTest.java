package io.cloudopt.model.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.Instances;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The reference numbers of problems/provisioning.md §12 that need no solver (1e-4 relative unless stated). */
class ProvisioningTailsTest {
    private static final ProvisioningInstance REFERENCE = Instances.read(
            ProvisioningBrokenFilesTest.resource("/provisioning/branchynet-resnet110.json"),
            ProvisioningProblem.INSTANCE).instance();
    private static final int C5_LARGE = 0;
    private static final int C5_XLARGE = 1;
    private static final int M5_LARGE = 2;

    private static Offset<Double> relative(double expected) {
        return within(1e-4 * Math.abs(expected));
    }

    /** The break-even (T-CIP) table: FaaS at 1769 MiB on the plain mean, and λ* for each VM type. */
    @Test
    void breakEvenTable() {
        double[] faasUsd = {5.16716e-7, 1.20773e-6, 2.90648e-6};
        double[] stageRate = {45.695, 19.550, 8.1236};
        // Overall λ = λ*/r_i, given to 2 decimals in the spec's table.
        double[][] overall = {{45.69, 91.39, 51.61}, {33.42, 66.84, 37.74}, {18.17, 36.35, 20.53}};
        for (int i = 0; i < 3; i++) {
            assertThat(ProvisioningTails.faasUsdPerInvocationPlainMean(REFERENCE, i, 1769))
                    .isCloseTo(faasUsd[i], relative(faasUsd[i]));
            assertThat(ProvisioningTails.breakEvenPerSecond(REFERENCE, i, 1769, C5_LARGE))
                    .isCloseTo(stageRate[i], relative(stageRate[i]));
            int[] types = {C5_LARGE, C5_XLARGE, M5_LARGE};
            for (int k = 0; k < 3; k++) {
                double overallRate = ProvisioningTails.breakEvenPerSecond(REFERENCE, i, 1769, types[k])
                        / REFERENCE.reach(i);
                assertThat(overallRate).as("stage %d type %d", i, k).isCloseTo(overall[i][k], within(0.006));
            }
        }
        // The order of §12: s3 justifies a VM first, then s2, then s1; alexnet's 0.092·50 = 4.6 < 8.12.
        assertThat(0.092 * 50).isLessThan(ProvisioningTails.breakEvenPerSecond(REFERENCE, 2, 1769, C5_LARGE));
    }

    @Test
    void c5LargeCostsItsHourlyPricePerSecond() {
        assertThat(REFERENCE.vmTypes().get(C5_LARGE).usdPerHour() / 3600).isCloseTo(2.3611e-5, relative(2.3611e-5));
    }

    /** Billed means E⌈f_m X_i⌉_1ms and c^F at 1769 and 512 MiB, and the expected cost per request. */
    @Test
    void billedMeansAndFaasCostPerRequest() {
        double[] billed1769 = {11.5, 35.5, 94.5};
        double[] cost1769 = {5.31112e-7, 1.22213e-6, 2.92088e-6};
        double[] billed512 = {38.506, 121.428, 325.277};
        double perRequest = 0;
        for (int i = 0; i < 3; i++) {
            ProvisioningInstance.Stage stage = REFERENCE.stages().get(i);
            // "For lognormal σ=0.5 this is s_i·f_m + 0.5 ms to 1e-6."
            assertThat(ProvisioningTails.expectedBilledMs(stage, 1.0, 1)).isCloseTo(billed1769[i], within(1e-6));
            assertThat(ProvisioningTails.expectedBilledMs(stage, REFERENCE.faas().slowdown(512), 1))
                    .isCloseTo(billed512[i], within(1e-3));
            double cost = ProvisioningTails.faasUsdPerInvocation(REFERENCE, i, 1769);
            assertThat(cost).isCloseTo(cost1769[i], relative(cost1769[i]));
            perRequest += REFERENCE.reach(i) * cost;
        }
        assertThat(perRequest).isCloseTo(2.55169e-6, relative(2.55169e-6));
        assertThat(ProvisioningTails.faasUsdPerInvocation(REFERENCE, 0, 512)).isCloseTo(5.20883e-7,
                relative(5.20883e-7));
        assertThat(REFERENCE.faas().slowdown(512)).isCloseTo(3.455, within(5e-4));
    }

    /** Erlang-C with the Allen–Cunneen M/G/c correction (SCV of lognormal σ = 0.5 is e^{0.25} − 1). */
    @Test
    void erlangCAndTheAllenCunneenTail() {
        double scv = ProvisioningTails.scv(REFERENCE.stages().get(2).serviceDistribution());
        assertThat(scv).isCloseTo(0.284025, relative(0.284025));
        double mu = 1000 / 94.0;
        assertThat(ProvisioningTails.erlangC(2, 1.41)).isCloseTo(0.583021, relative(0.583021));
        assertThat(ProvisioningTails.waitDecayPerSecond(2, 1.41, mu, scv)).isCloseTo(9.77644, relative(9.77644));
        assertThat(ProvisioningTails.waitTail(2, 1.41, mu, scv, 0.050)).isCloseTo(0.357595, relative(0.357595));
        assertThat(ProvisioningTails.erlangC(4, 2.82)).isCloseTo(0.436443, relative(0.436443));
        assertThat(ProvisioningTails.erlangC(2, 0.44)).isCloseTo(0.0793443, relative(0.0793443));
        assertThat(ProvisioningTails.erlangC(6, 1.75)).isCloseTo(0.00978046, relative(0.00978046));
        // Pareto a = 2.5: SCV = 1/(a(a − 2)) = 0.8.
        assertThat(ProvisioningTails.scv(ProvisioningInstance.ServiceDistribution.pareto(2.5))).isCloseTo(0.8,
                within(1e-12));
    }

    @Test
    void erlangBRecursionAndUnstablePools() {
        // B(1, a) = a/(1 + a); B(2, 1) = (1/2)/(2 + 1/2) = 0.2.
        assertThat(ProvisioningTails.erlangB(1, 3)).isCloseTo(0.75, within(1e-15));
        assertThat(ProvisioningTails.erlangB(2, 1)).isCloseTo(0.2, within(1e-15));
        assertThatThrownBy(() -> ProvisioningTails.erlangC(2, 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offered load (2.0)");
    }
}
