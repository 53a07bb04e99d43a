package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.common.SolverCatalog.Entry;
import io.cloudopt.solvers.provisioning.timefold.ProvisioningTimefold;
import io.cloudopt.model.common.InputException;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The provisioning solvers by command-line name (problems/provisioning.md §7, §9). The default exact
 * solver is {@code cpsat}: on the reference instance it proves the static optimum in 0.15 s against
 * SCIP's 0.27 s (model solve alone, warm JVM). The default heuristic is {@code greedy-serflow}, a
 * whole simulated day in a few seconds; the rule-based policies of §9 are {@code greedy-NAME}.
 */
public final class ProvisioningSolvers {
    public static final SolverCatalog<ProvisioningInstance, ProvisioningSolution> CATALOG = new SolverCatalog<>(
            ProvisioningProblem.INSTANCE, List.of(
            new Entry<>("greedy-faas-only", "every stage on FaaS at the cheapest full-speed memory (§9)",
                    () -> new ProvisioningPolicySolver("faas-only", null)),
            new Entry<>("greedy-iaas-only", "one c5.large pool per stage, LIBRA's 0.7/0.3 utilisation thresholds",
                    () -> new ProvisioningPolicySolver("iaas-only", null)),
            new Entry<>("greedy-libra", "LIBRA: one pool for the whole model sized from the EWMA mean + dev",
                    () -> new ProvisioningPolicySolver("libra", null)),
            new Entry<>("greedy-serflow", "per-stage break-even (T-CIP) with EWMA exit shares, overflow to FaaS",
                    () -> new ProvisioningPolicySolver("serflow", null)),
            new Entry<>("milp-static", "static MILP C1-C7 on SCIP: one plan for the day at the p95 expected rate",
                    () -> new ProvisioningStaticSolver(ProvisioningStaticSolver.Config.of(
                            ProvisioningStaticSolver.Technique.MILP))),
            new Entry<>("milp-rolling", "multi-period MILP re-solved at every period over 12 periods of forecast",
                    ProvisioningRollingMilp::new),
            new Entry<>("oracle", "multi-period MILP over the whole day at the realised per-period rates",
                    ProvisioningOracle::new),
            new Entry<>("cpsat", "the static model on CP-SAT, integer-scaled (micro-USD, 1e-9 risk units)",
                    () -> new ProvisioningStaticSolver(ProvisioningStaticSolver.Config.of(
                            ProvisioningStaticSolver.Technique.CPSAT))),
            new Entry<>("timefold", "Timefold local search over per-period options and budget levels (§8), no bound",
                    ProvisioningTimefold::new)),
            "greedy-serflow", "cpsat");

    private ProvisioningSolvers() {
    }

    /**
     * A solver with parameters given as text (for a command line): {@code sloBound=split|plain} for
     * milp-static and cpsat; {@code windowPeriods=W}, {@code stepLimitSeconds=s} for milp-rolling;
     * {@code dominance=cost|period} for milp-rolling and oracle. Unknown keys are bad input.
     */
    public static Solver<ProvisioningInstance, ProvisioningSolution> create(String name, Map<String, String> params) {
        Map<String, String> left = new HashMap<>(params);
        Solver<ProvisioningInstance, ProvisioningSolution> solver = switch (name) {
            case "milp-static", "cpsat" -> new ProvisioningStaticSolver(new ProvisioningStaticSolver.Config(
                    name.equals("cpsat") ? ProvisioningStaticSolver.Technique.CPSAT
                            : ProvisioningStaticSolver.Technique.MILP,
                    ProvisioningOptions.SloBound.valueOf(take(left, "sloBound", "split").toUpperCase(Locale.ROOT)),
                    ProvisioningOptions.Grid.STANDARD));
            case "milp-rolling" -> {
                ProvisioningRollingMilp.Config base = ProvisioningRollingMilp.Config.DEFAULT;
                yield new ProvisioningRollingMilp(new ProvisioningRollingMilp.Config(
                        Integer.parseInt(take(left, "windowPeriods", String.valueOf(base.windowPeriods()))),
                        Duration.ofMillis(Math.round(1000 * Double.parseDouble(take(left, "stepLimitSeconds",
                                String.valueOf(base.stepLimit().toMillis() / 1000.0))))),
                        base.relativeGap(), dominance(take(left, "dominance", "cost")), base.grid()));
            }
            case "oracle" -> new ProvisioningOracle(new ProvisioningOracle.Config(dominance(take(left, "dominance",
                    "cost")), ProvisioningOptions.Grid.STANDARD));
            default -> CATALOG.create(name);
        };
        if (!left.isEmpty()) {
            throw InputException.usage("unknown parameter(s) " + left.keySet() + " for solver " + name);
        }
        return solver;
    }

    private static String take(Map<String, String> params, String key, String fallback) {
        String value = params.remove(key);
        return value == null ? fallback : value;
    }

    private static ProvisioningOptions.Dominance dominance(String text) {
        return ProvisioningOptions.Dominance.valueOf(text.toUpperCase(Locale.ROOT));
    }
}
