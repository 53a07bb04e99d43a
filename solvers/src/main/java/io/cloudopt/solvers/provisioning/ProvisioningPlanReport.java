package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningOutcome;
import io.cloudopt.model.provisioning.ProvisioningSimulator;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.SolveReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report of a §7 plan: the objective is the simulated cost of the compiled plan under its seed
 * (§6), the bound is the model's dual bound (a bound on the model cost, not on the simulated cost),
 * {@code stats.modelObjective} the model cost of the plan and {@code stats.modelStatus} what the model
 * solve proved. A plan is reported FEASIBLE: no model proves anything about the simulated cost.
 */
final class ProvisioningPlanReport {
    private ProvisioningPlanReport() {
    }

    static SolveReport<ProvisioningSolution> of(ProvisioningInstance instance, ProvisioningSolution plan,
                                                SolveStatus modelStatus, Termination termination,
                                                Double modelObjective, Double bound, long startedNanos,
                                                Map<String, Object> modelStats) {
        Map<String, Object> stats = new LinkedHashMap<>(modelStats);
        stats.put("modelStatus", modelStatus.name());
        stats.put("modelObjective", modelObjective);
        if (plan == null) {
            return new SolveReport<>(modelStatus, termination, null, null, bound,
                    Duration.ofNanos(System.nanoTime() - startedNanos), stats);
        }
        ProvisioningOutcome outcome = ProvisioningSimulator.run(instance, plan, plan.seed()).outcome();
        stats.put("p99LatencyMs", outcome.p99LatencyMs());
        stats.put("violationFraction", outcome.violationFraction());
        stats.put("sloMet", outcome.sloMet());
        stats.put("vmCostUsd", outcome.vmCostUsd());
        stats.put("faasCostUsd", outcome.faasCostUsd());
        stats.put("vmToFaasOverflow", outcome.vmToFaasOverflow());
        return new SolveReport<>(SolveStatus.FEASIBLE, termination, plan.withRecorded(outcome), outcome.costUsd(),
                bound, Duration.ofNanos(System.nanoTime() - startedNanos), stats);
    }
}
