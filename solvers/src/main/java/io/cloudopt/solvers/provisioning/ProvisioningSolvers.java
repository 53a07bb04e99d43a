package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.common.SolverCatalog.Entry;
import java.util.List;

/**
 * The provisioning solvers by command-line name (problems/provisioning.md §7, §9). The default exact
 * solver is {@code milp-static}; the default heuristic is {@code milp-rolling} until the online policies
 * are wrapped as solvers.
 */
public final class ProvisioningSolvers {
    public static final SolverCatalog<ProvisioningInstance, ProvisioningSolution> CATALOG = new SolverCatalog<>(
            ProvisioningProblem.INSTANCE, List.of(
            new Entry<>("milp-static", "static MILP C1-C7 on SCIP: one plan for the day at the p95 expected rate",
                    () -> new ProvisioningStaticSolver(ProvisioningStaticSolver.Config.of(
                            ProvisioningStaticSolver.Technique.MILP))),
            new Entry<>("milp-rolling", "multi-period MILP re-solved at every period over 12 periods of forecast",
                    ProvisioningRollingMilp::new),
            new Entry<>("oracle", "multi-period MILP over the whole day at the realised per-period rates",
                    ProvisioningOracle::new),
            new Entry<>("cpsat", "the static model on CP-SAT, integer-scaled (micro-USD, 1e-9 risk units)",
                    () -> new ProvisioningStaticSolver(ProvisioningStaticSolver.Config.of(
                            ProvisioningStaticSolver.Technique.CPSAT)))),
            "milp-rolling", "milp-static");

    private ProvisioningSolvers() {
    }
}
