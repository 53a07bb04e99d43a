package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code milp-static} (SCIP) and {@code cpsat} (CP-SAT, integer-scaled): the static model C1–C7 of
 * problems/provisioning.md §7, one plan for the whole day at λ = p95 of the expected period rates λ̄_t,
 * costs over the horizon, options reduced by cost dominance. The plan launches its VMs at −L^V and
 * keeps the same routing all day.
 */
public final class ProvisioningStaticSolver implements Solver<ProvisioningInstance, ProvisioningSolution> {
    /** The backend of the static model. */
    public enum Technique {
        MILP, CPSAT
    }

    /**
     * @param technique SCIP MILP or CP-SAT
     * @param sloBound  {@code split} (default) or {@code plain}
     * @param grid      the option grid
     */
    public record Config(Technique technique, ProvisioningOptions.SloBound sloBound, ProvisioningOptions.Grid grid) {
        public Config {
            Objects.requireNonNull(technique, "technique");
            Objects.requireNonNull(sloBound, "sloBound");
            Objects.requireNonNull(grid, "grid");
        }

        public static Config of(Technique technique) {
            return new Config(technique, ProvisioningOptions.SloBound.SPLIT, ProvisioningOptions.Grid.STANDARD);
        }
    }

    private final Config config;

    public ProvisioningStaticSolver(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return config.technique() == Technique.MILP ? "milp-static" : "cpsat";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("sloBound", config.sloBound().name().toLowerCase(Locale.ROOT), "rateQuantile", 0.95);
    }

    @Override
    public SolveReport<ProvisioningSolution> solve(ProvisioningInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        double rate = ProvisioningRates.quantile(ProvisioningRates.expected(instance), 0.95);
        ProvisioningOptions table = ProvisioningOptions.of(instance, config.grid(), config.sloBound());
        int stages = instance.stages().size();
        ProvisioningOptionTable[] tables = new ProvisioningOptionTable[stages];
        int optionCount = 0;
        for (int i = 0; i < stages; i++) {
            tables[i] = table.table(i, rate, rate, instance.horizonSeconds(), ProvisioningOptions.Dominance.COST);
            optionCount += tables[i].size();
        }
        ProvisioningPlanModel data = ProvisioningPlanModel.oneShot(table, tables);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("ratePerSecond", rate);
        stats.put("options", optionCount);
        SolveStatus status;
        Termination termination;
        Double bound;
        ProvisioningPlanModel.Choice choice;
        if (config.technique() == Technique.MILP) {
            ProvisioningMilp.Solved solved = ProvisioningMilp.solve(data, MpSolverSupport.Backend.SCIP, options, started,
                    0, null);
            stats.putAll(solved.outcome().stats());
            status = solved.outcome().status();
            termination = solved.outcome().termination();
            bound = solved.outcome().bound();
            choice = solved.choice();
        } else {
            ProvisioningCpSat.Solved solved = ProvisioningCpSat.solve(data, options, started);
            stats.putAll(solved.outcome().stats());
            status = solved.outcome().status();
            termination = solved.outcome().termination();
            // The bound of the integer-scaled model (micro-USD, costs rounded up, risks rounded up).
            bound = solved.outcome().bound() == null ? null : solved.outcome().bound() / ProvisioningPlanModel.MICRO_USD;
            stats.put("scaledObjectiveMicroUsd", solved.outcome().objective());
            choice = solved.choice();
        }
        ProvisioningSolution plan = null;
        Double modelObjective = null;
        if (choice != null) {
            modelObjective = data.cost(choice);
            plan = ProvisioningPlans.compile(instance, name(), options.seed(), List.of(decision(data, choice)));
        }
        return ProvisioningPlanReport.of(instance, plan, status, termination, modelObjective, bound, started, stats);
    }

    /** Period 0 of the day: n_o VMs of the chosen type per stage, all launched before time 0. */
    static ProvisioningPlans.PeriodDecision decision(ProvisioningPlanModel data, ProvisioningPlanModel.Choice choice) {
        int stages = data.stages();
        ProvisioningOptionTable[] tables = new ProvisioningOptionTable[stages];
        int[][] ready = new int[stages][data.types()];
        for (int i = 0; i < stages; i++) {
            tables[i] = data.table(0, i);
            int o = choice.option()[0][i];
            if (tables[i].vmType(o) >= 0) {
                ready[i][tables[i].vmType(o)] = tables[i].vmCount(o);
            }
        }
        return new ProvisioningPlans.PeriodDecision(0, tables, choice.option()[0].clone(), ready, ready);
    }
}
