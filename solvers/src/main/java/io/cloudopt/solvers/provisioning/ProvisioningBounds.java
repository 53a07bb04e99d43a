package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningTails;

/**
 * The combinatorial lower bound of problems/provisioning.md §9 on the model cost: every request of every
 * stage at its cheapest possible unit cost, the SLO ignored,
 * Σ_t Σ_i r_i λ_t H·min(min_m c^F_i(m), min_k p_k/(3600·u^max_ik)) with u^max_ik = 1000·vcpus_k·speed_k/s_i
 * (ρ = 1). It bounds the model cost of any plan, not the simulated cost.
 */
public final class ProvisioningBounds {
    private ProvisioningBounds() {
    }

    /** The cheapest cost (USD) of one request of stage i: FaaS at any memory m ≥ mem_i, or a fully busy VM worker. */
    public static double cheapestUsdPerRequest(ProvisioningInstance instance, int stage) {
        double best = Double.POSITIVE_INFINITY;
        ProvisioningInstance.Stage data = instance.stages().get(stage);
        for (int memory : instance.faas().memoryOptionsMiB()) {
            if (memory >= data.minMemoryMiB()) {
                best = Math.min(best, ProvisioningTails.faasUsdPerInvocation(instance, stage, memory));
            }
        }
        for (ProvisioningInstance.VmType type : instance.vmTypes()) {
            if (type.memoryGiB() * 1024 >= data.minMemoryMiB()) {
                double perSecond = 1000 * type.vcpus() * type.speedFactor() / data.serviceMeanMs();
                best = Math.min(best, type.usdPerHour() / (3600 * perSecond));
            }
        }
        return best;
    }

    /** Σ_t Σ_i r_i λ_t H·(cheapest unit cost of stage i) for the per-period rates λ_t (req/s). */
    public static double combinatorial(ProvisioningInstance instance, double[] ratePerSecond) {
        double requests = 0;
        for (double rate : ratePerSecond) {
            requests += rate * instance.periodSeconds();
        }
        double usd = 0;
        for (int i = 0; i < instance.stages().size(); i++) {
            usd += instance.reach(i) * requests * cheapestUsdPerRequest(instance, i);
        }
        return usd;
    }
}
