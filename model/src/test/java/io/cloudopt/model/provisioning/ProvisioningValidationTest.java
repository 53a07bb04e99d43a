package io.cloudopt.model.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.InputError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every broken rule is reported at once, each with its path (the corpus checks one rule per file). */
class ProvisioningValidationTest {
    @Test
    void allErrorsAtOnce() {
        ProvisioningInstance tiny = ProvisioningBrokenFilesTest.tiny();
        ProvisioningInstance broken = new ProvisioningInstance(tiny.name(), "", null, 86_000, 300, tiny.stages(),
                tiny.faas(), tiny.vmTypes(), 4000, 60, new ProvisioningInstance.Transfers(0, -1, 25, 25),
                new ProvisioningInstance.Slo(400, 0.6), tiny.arrivals(), tiny.simulation());
        List<InputError> errors = ProvisioningValidation.check(broken);
        assertThat(errors).extracting(InputError::location).containsExactlyInAnyOrder("$.horizonSeconds",
                "$.vmColdStartSeconds", "$.slo.violationProbability", "$.transferMs.vmFaas");
        assertThat(errors).extracting(InputError::message).contains(
                "horizonSeconds 86000 is not a multiple of periodSeconds 300", "vmFaas -1 must be ≥ 0");
    }

    @Test
    void exitSumsWithinTheToleranceAreAccepted() {
        ProvisioningInstance tiny = ProvisioningBrokenFilesTest.tiny();
        List<ProvisioningInstance.Stage> stages = List.of(
                new ProvisioningInstance.Stage("a", 0.1, 1, ProvisioningInstance.ServiceDistribution.lognormal(1), 128),
                new ProvisioningInstance.Stage("b", 0.2, 1, ProvisioningInstance.ServiceDistribution.lognormal(1), 128),
                new ProvisioningInstance.Stage("c", 0.7, 1, ProvisioningInstance.ServiceDistribution.lognormal(1), 128));
        ProvisioningInstance instance = new ProvisioningInstance("sum", "", null, 600, 300, stages, tiny.faas(),
                tiny.vmTypes(), 100, 60, tiny.transferMs(), tiny.slo(), tiny.arrivals(), tiny.simulation());
        // 0.1 + 0.2 + 0.7 = 0.9999999999999999 in binary floating point.
        assertThat(ProvisioningValidation.check(instance)).isEmpty();
    }
}
