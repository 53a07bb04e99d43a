package io.cloudopt.solvers.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import org.junit.jupiter.api.Test;

/** The §12 golden numbers of the shared service term and of the exact faas-only latency. */
class ProvisioningServiceTailTest {
    private static final ProvisioningServiceTail TAIL = ProvisioningServiceTail.of(ProvisioningReference.INSTANCE,
            ProvisioningServiceTail.STEP_MS, 400);

    @Test
    void sharedTermMatchesTheSpecToThePrintedDigits() {
        double[] budgets = {0, 25, 50, 75, 100, 125, 150};
        double[] expected = {0.000905, 0.001439, 0.002322, 0.003799, 0.006309, 0.010623, 0.018111};
        for (int k = 0; k < budgets.length; k++) {
            assertThat(TAIL.sharedTerm(400, budgets[k])).as("G(%s)", budgets[k]).isCloseTo(expected[k],
                    within(0.5e-6));
        }
    }

    /** faas-only at 1769 MiB: latency = S_j + 25 ms per hop; P(latency > 400) = 0.00232, p99 = 327.85 ± 0.1. */
    @Test
    void faasOnlyLatencyTail() {
        ProvisioningInstance reference = ProvisioningReference.INSTANCE;
        double hop = reference.transferMs().faasFaas();
        double[] hops = {0, hop, 2 * hop};
        assertThat(TAIL.exitWeightedSurvival(400, hops)).isCloseTo(0.00232, within(0.5e-5));
        double p99 = 0;
        for (int q = 0; q <= 4000; q++) {
            if (TAIL.exitWeightedSurvival(q * 0.1, hops) <= 0.01) {
                p99 = q * 0.1;
                break;
            }
        }
        assertThat(p99).isCloseTo(327.85, within(0.1));
    }
}
