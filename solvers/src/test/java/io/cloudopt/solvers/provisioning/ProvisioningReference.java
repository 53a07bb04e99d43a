package io.cloudopt.solvers.provisioning;

import io.cloudopt.instances.Samples;
import io.cloudopt.model.provisioning.ProvisioningInstance;

/** The bundled reference instance {@code branchynet-resnet110} of problems/provisioning.md §3. */
final class ProvisioningReference {
    static final ProvisioningInstance INSTANCE = (ProvisioningInstance) Samples.read(
            Samples.find("provisioning", "branchynet-resnet110").orElseThrow()).instance();

    private ProvisioningReference() {
    }
}
