package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningPolicies;
import io.cloudopt.model.provisioning.ProvisioningSimulator;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule-based online policy of §9 used as a solver ({@code greedy-NAME}, DESIGN §5): one online run
 * with the options' seed, logged as a plan that replays exactly. No bound.
 */
public final class ProvisioningPolicySolver implements Solver<ProvisioningInstance, ProvisioningSolution> {
    private final String policy;
    private final String vmType;

    /** @param vmType the libra and iaas-only pool type (null = {@link ProvisioningPolicies#DEFAULT_VM_TYPE}) */
    public ProvisioningPolicySolver(String policy, String vmType) {
        this.policy = policy;
        this.vmType = vmType;
    }

    @Override
    public String name() {
        return "greedy-" + policy;
    }

    @Override
    public Map<String, Object> params() {
        return vmType == null ? Map.of() : Map.of("vmType", vmType);
    }

    @Override
    public SolveReport<ProvisioningSolution> solve(ProvisioningInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        ProvisioningSimulator.Online online = ProvisioningSimulator.runOnline(instance,
                ProvisioningPolicies.create(policy, instance, vmType), options.seed());
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("p50LatencyMs", online.run().p50LatencyMs());
        stats.put("p95LatencyMs", online.run().p95LatencyMs());
        stats.put("p999LatencyMs", online.run().p999LatencyMs());
        stats.put("maxLatencyMs", online.run().maxLatencyMs());
        return new SolveReport<>(SolveStatus.FEASIBLE, Termination.CONVERGED, online.solution(),
                online.run().outcome().costUsd(), null, Duration.ofNanos(System.nanoTime() - started), stats);
    }
}
