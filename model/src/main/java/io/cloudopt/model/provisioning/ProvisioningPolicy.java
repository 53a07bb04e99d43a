package io.cloudopt.model.provisioning;

import java.util.List;

/**
 * An online provisioning policy (problems/provisioning.md §9, S11), run by
 * {@link ProvisioningSimulator#runOnline}. The simulator calls {@link #epoch} at t = 0 before the first
 * request, at every period start and at the times the policy asked for with
 * {@link ProvisioningControl#wakeUpAt}; each call is the last event at its time (S10). A policy is
 * stateful: use one object per run.
 */
public interface ProvisioningPolicy {
    /** The {@code --policy} name, written as the solution's {@code policy}. */
    String name();

    /** The VM pools of the whole run; {@link ProvisioningControl} refers to them by index. */
    List<ProvisioningSolution.Pool> pools();

    /** True when the run drops the VM queue guard of S5 (+∞; iaas-only). */
    default boolean unguarded() {
        return false;
    }

    /** One epoch: observe, then route stages and launch or terminate VMs through {@code control}. */
    void epoch(ProvisioningControl control);
}
