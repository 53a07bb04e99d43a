package io.cloudopt.instances.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudopt.instances.Samples;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The generator writes the reference instance of problems/provisioning.md §3 and its §11 variants. */
class ProvisioningGeneratorTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void referenceIsTheSpecInstanceAndTheBundledSample() throws java.io.IOException {
        // The §3 JSON lives in the model's test resources, which may come packaged in a jar.
        Path spec = dir.resolve("branchynet-resnet110.json");
        try (java.io.InputStream in = getClass().getResourceAsStream("/provisioning/branchynet-resnet110.json")) {
            java.nio.file.Files.write(spec, in.readAllBytes());
        }
        ProvisioningInstance fromSpec = Instances.read(spec, ProvisioningProblem.INSTANCE).instance();
        assertThat(ProvisioningGenerator.reference()).isEqualTo(fromSpec);
        Samples.Sample sample = Samples.find("provisioning", ProvisioningGenerator.REFERENCE_NAME).orElseThrow();
        assertThat(Instances.toBytes(ProvisioningProblem.INSTANCE, ProvisioningGenerator.reference()))
                .isEqualTo(Samples.bytes(sample));
        assertThat(Samples.references("provisioning")).isEmpty();
    }

    @Test
    void variantsAreValidAndNamedByTheirOptions() {
        ProvisioningGenerator.Options options = new ProvisioningGenerator.Options(3, 20, 0.3, false,
                ProvisioningGenerator.ExitProfile.ALEXNET, "pareto:2.5", 180, 60);
        ProvisioningInstance instance = ProvisioningGenerator.generate(options);
        assertThat(instance.name()).isEqualTo("branchynet-alexnet-rps20-a0.3-nobursts-pareto-2.5-cold180-h60-seed3");
        assertThat(instance.stages().get(2).exitFraction()).isEqualTo(0.092);
        assertThat(instance.stages().get(0).serviceDistribution().shape()).isEqualTo(2.5);
        assertThat(instance.arrivals().burst()).isNull();
        assertThat(instance.periodCount()).isEqualTo(1440);
        assertThat(instance.simulation().seed()).isEqualTo(3);
        assertThat(instance.source().seed()).isEqualTo(3);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThatThrownBy(() -> new ProvisioningGenerator.Options(1, 50, 0.6, true,
                ProvisioningGenerator.ExitProfile.RESNET, "pareto:2", 100, 300)).isInstanceOf(InputException.class)
                .hasMessageContaining("--service must be").hasMessageContaining("(got pareto:2)");
        assertThatThrownBy(() -> new ProvisioningGenerator.Options(1, 50, 0.6, true,
                ProvisioningGenerator.ExitProfile.RESNET, "lognormal:0.5", 100, 120))
                .hasMessageContaining("--period must be 60 or 300 (got 120)");
        assertThatThrownBy(() -> ProvisioningGenerator.ExitProfile.parse("vgg"))
                .hasMessageContaining("--exit-profile must be resnet or alexnet (got vgg)");
    }
}
