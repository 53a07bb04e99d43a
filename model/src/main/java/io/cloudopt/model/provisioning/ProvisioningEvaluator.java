package io.cloudopt.model.provisioning;

/**
 * The objective of problems/provisioning.md §6: the simulated total cost in USD (S12) of the solution's
 * actions and routing under the solution's seed. A pure function of (instance, solution).
 */
public final class ProvisioningEvaluator {
    private ProvisioningEvaluator() {
    }

    public static double objective(ProvisioningInstance instance, ProvisioningSolution solution) {
        return evaluate(instance, solution).costUsd();
    }

    /** The simulation block of one seeded run of the solution. */
    public static ProvisioningOutcome evaluate(ProvisioningInstance instance, ProvisioningSolution solution) {
        return ProvisioningSimulator.run(instance, solution, solution.seed()).outcome();
    }
}
