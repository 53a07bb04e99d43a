package io.cloudopt.model.provisioning;

import io.cloudopt.model.common.InputException;
import java.util.List;

/**
 * The rule-based online policies of problems/provisioning.md §9 that need no solver, by
 * {@code --policy} name. Solver-backed ones ({@code milp-static}, {@code milp-rolling}, {@code oracle})
 * are plans from the solvers module, executed through {@link ProvisioningSimulator#run}.
 */
public final class ProvisioningPolicies {
    /** Names accepted by {@link #create}. */
    public static final List<String> NAMES = List.of("faas-only", "iaas-only", "libra", "serflow");
    /** The VM type of the libra and iaas-only pools unless {@code --vm-type} says otherwise. */
    public static final String DEFAULT_VM_TYPE = "c5.large";

    private ProvisioningPolicies() {
    }

    /**
     * A new policy object for one run.
     *
     * @param vmType the VM type id of the libra and iaas-only pools (null = c5.large); serflow picks
     *               its own type and faas-only uses none
     */
    public static ProvisioningPolicy create(String name, ProvisioningInstance instance, String vmType) {
        if (!NAMES.contains(name)) {
            throw InputException.usage("unknown provisioning policy \"" + name + "\"; expected one of "
                    + String.join(", ", NAMES));
        }
        if (name.equals("faas-only")) {
            return new ProvisioningFaasOnlyPolicy(instance);
        }
        String type = vmType == null ? DEFAULT_VM_TYPE : vmType;
        int k = instance.vmTypeIndex(type);
        if (!name.equals("serflow") && k < 0) {
            throw InputException.usage("--vm-type " + type + " is not a VM type of instance " + instance.name()
                    + "; expected one of " + String.join(", ", instance.vmTypes().stream()
                    .map(ProvisioningInstance.VmType::id).toList()));
        }
        return switch (name) {
            case "iaas-only" -> new ProvisioningIaasOnlyPolicy(instance, k);
            case "libra" -> new ProvisioningLibraPolicy(instance, k);
            default -> new ProvisioningSerflowPolicy(instance);
        };
    }

    /**
     * The FaaS memory of stage {@code stage} in faas-only (§9): among the options m ≥ mem_i with
     * f_m = 1, the one with the least c^F_i(m), ties by index; without such an option, the least c^F_i(m)
     * among all m ≥ mem_i.
     */
    public static int faasMemoryMiB(ProvisioningInstance instance, int stage) {
        int minimum = instance.stages().get(stage).minMemoryMiB();
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (boolean fullSpeedOnly : new boolean[] {true, false}) {
            for (int memory : instance.faas().memoryOptionsMiB()) {
                if (memory < minimum || (fullSpeedOnly && instance.faas().slowdown(memory) != 1)) {
                    continue;
                }
                double cost = ProvisioningTails.faasUsdPerInvocation(instance, stage, memory);
                if (cost < bestCost) {
                    best = memory;
                    bestCost = cost;
                }
            }
            if (best >= 0) {
                return best;
            }
        }
        throw new IllegalArgumentException("Stage " + instance.stages().get(stage).id()
                + " has no FaaS memory option ≥ minMemoryMiB " + minimum + ".\nMaybe the instance was not validated (V5).");
    }
}
