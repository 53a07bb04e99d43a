package io.cloudopt.solvers.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.Source;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningTails;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The §9 combinatorial bound, worked out by hand on a two-stage, two-period instance. */
class ProvisioningBoundsTest {
    @Test
    void combinatorialBoundByHand() {
        ProvisioningInstance instance = new ProvisioningInstance("bound", "", Source.NONE, 600, 300, List.of(
                new ProvisioningInstance.Stage("s1", 0.5, 10, ProvisioningInstance.ServiceDistribution.lognormal(0.5), 256),
                new ProvisioningInstance.Stage("s2", 0.5, 40, ProvisioningInstance.ServiceDistribution.lognormal(0.5),
                        3008)),
                new ProvisioningInstance.Faas(List.of(1769, 3008), 1769, 0.0000166667, 0.20, 1, 0, 600),
                List.of(new ProvisioningInstance.VmType("small", 2, 2, 0.085, 1.0)), 100, 60,
                new ProvisioningInstance.Transfers(0, 25, 25, 25), new ProvisioningInstance.Slo(400, 0.01),
                ProvisioningInstance.Arrivals.diurnal(10, 0, 0, null), new ProvisioningInstance.Simulation(1, 1));
        // Stage 1: a busy worker serves 1000/10 = 100 req/s, so a request costs 0.085/(3600·2·100) =
        // 1.180556e-7 USD on the VM, less than the FaaS request fee 2e-7 alone.
        assertThat(ProvisioningBounds.cheapestUsdPerRequest(instance, 0)).isCloseTo(0.085 / 720_000, within(1e-18));
        // Stage 2 needs 3008 MiB, more than the VM's 2 GiB (C7): FaaS at 3008 MiB only.
        double faas = ProvisioningTails.faasUsdPerInvocation(instance, 1, 3008);
        assertThat(ProvisioningBounds.cheapestUsdPerRequest(instance, 1)).isEqualTo(faas);
        // 10 + 20 req/s over two 300 s periods = 9000 requests; all run stage 1, half run stage 2.
        double expected = 9000 * 0.085 / 720_000 + 0.5 * 9000 * faas;
        assertThat(ProvisioningBounds.combinatorial(instance, new double[] {10, 20})).isCloseTo(expected,
                within(1e-15));
        // c^F of a 40 ms lognormal stage at full speed: 2e-7 + π_GB·(3008/1024)·40.5/1000 (billed mean s + 0.5 ms).
        assertThat(faas).isCloseTo(2e-7 + 0.0000166667 * 3008 / 1024 * 40.5 / 1000, within(1e-12));
    }
}
