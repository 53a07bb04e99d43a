package io.cloudopt.model.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** faas-only (§9): every stage on FaaS at the memory {@link ProvisioningPolicies#faasMemoryMiB} picks; a plan. */
public final class ProvisioningFaasOnlyPolicy implements ProvisioningPolicy {
    private final int[] memoryMiB;

    public ProvisioningFaasOnlyPolicy(ProvisioningInstance instance) {
        memoryMiB = new int[instance.stages().size()];
        for (int i = 0; i < memoryMiB.length; i++) {
            memoryMiB[i] = ProvisioningPolicies.faasMemoryMiB(instance, i);
        }
    }

    /** The same rule as a plan: one period-0 entry, no pools, no actions. */
    public static ProvisioningSolution plan(ProvisioningInstance instance, long seed) {
        List<ProvisioningSolution.Routing> routing = new ArrayList<>();
        for (int i = 0; i < instance.stages().size(); i++) {
            routing.add(ProvisioningSolution.Routing.faas(instance.stages().get(i).id(),
                    ProvisioningPolicies.faasMemoryMiB(instance, i)));
        }
        return new ProvisioningSolution("faas-only", List.of(),
                List.of(new ProvisioningSolution.Period(0, Map.of(), routing)), List.of(), seed, null);
    }

    @Override
    public String name() {
        return "faas-only";
    }

    @Override
    public List<ProvisioningSolution.Pool> pools() {
        return List.of();
    }

    @Override
    public void epoch(ProvisioningControl control) {
        if (control.timeSeconds() == 0) {
            for (int i = 0; i < memoryMiB.length; i++) {
                control.route(i, -1, 0, null, memoryMiB[i]);
            }
        }
    }
}
