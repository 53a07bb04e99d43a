package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code oracle}: the multi-period MILP C1–C10 of problems/provisioning.md §7 over the whole day on SCIP,
 * with λ_t = the realised arrival count of period t / H in the seeded request stream of the solve's seed
 * (the seed the plan is simulated under). Its dual bound bounds the model cost of every plan for this
 * trace. Options are per period, n_max from the day's largest λ_t, reduced by {@code dominance}.
 */
public final class ProvisioningOracle implements Solver<ProvisioningInstance, ProvisioningSolution> {
    /**
     * @param dominance {@code cost} (§7's reduction; exact for one period, across periods it may drop an
     *                  option with fewer VMs whose use would save a launch) or {@code period} (exact)
     * @param grid      the option grid
     */
    public record Config(ProvisioningOptions.Dominance dominance, ProvisioningOptions.Grid grid) {
        public static final Config DEFAULT = new Config(ProvisioningOptions.Dominance.COST,
                ProvisioningOptions.Grid.STANDARD);

        public Config {
            Objects.requireNonNull(dominance, "dominance");
            Objects.requireNonNull(grid, "grid");
        }
    }

    private final Config config;

    public ProvisioningOracle() {
        this(Config.DEFAULT);
    }

    public ProvisioningOracle(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("dominance", config.dominance().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public SolveReport<ProvisioningSolution> solve(ProvisioningInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        double[] rates = ProvisioningRates.realised(instance, options.seed());
        ProvisioningOptions table = ProvisioningOptions.of(instance, config.grid(), ProvisioningOptions.SloBound.SPLIT);
        ProvisioningOptionTable[][] tables = tables(table, rates, ProvisioningRates.max(rates), config.dominance());
        ProvisioningPlanModel data = ProvisioningPlanModel.multiPeriod(table, tables, 0, null, null);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("options", optionCount(tables));
        stats.put("tableSeconds", (System.nanoTime() - started) / 1e9);
        ProvisioningMilp.Solved solved = ProvisioningMilp.solve(data, MpSolverSupport.Backend.SCIP, options, started,
                0, null);
        stats.putAll(solved.outcome().stats());
        ProvisioningSolution plan = null;
        Double modelObjective = null;
        if (solved.choice() != null) {
            modelObjective = data.cost(solved.choice());
            plan = ProvisioningPlans.compile(instance, name(), options.seed(), decisions(data, solved.choice()));
        }
        SolveStatus status = solved.outcome().status();
        return ProvisioningPlanReport.of(instance, plan, status, solved.outcome().termination(), modelObjective,
                solved.outcome().bound(), started, stats);
    }

    /** tables[t][i] at rates[t], costs over one period. */
    static ProvisioningOptionTable[][] tables(ProvisioningOptions options, double[] rates, double maxRate,
                                              ProvisioningOptions.Dominance dominance) {
        int stages = options.instance().stages().size();
        ProvisioningOptionTable[][] tables = new ProvisioningOptionTable[rates.length][stages];
        for (int t = 0; t < rates.length; t++) {
            for (int i = 0; i < stages; i++) {
                tables[t][i] = options.table(i, rates[t], maxRate, options.instance().periodSeconds(), dominance);
            }
        }
        return tables;
    }

    static int optionCount(ProvisioningOptionTable[][] tables) {
        int count = 0;
        for (ProvisioningOptionTable[] period : tables) {
            for (ProvisioningOptionTable table : period) {
                count += table.size();
            }
        }
        return count;
    }

    /** Every model period of a choice as a plan decision. */
    static List<ProvisioningPlans.PeriodDecision> decisions(ProvisioningPlanModel data,
                                                           ProvisioningPlanModel.Choice choice) {
        List<ProvisioningPlans.PeriodDecision> decisions = new ArrayList<>();
        for (int t = 0; t < data.periods(); t++) {
            decisions.add(new ProvisioningPlans.PeriodDecision(data.firstPeriod() + t, row(data, t),
                    choice.option()[t].clone(), choice.ready()[t], choice.launches()[t]));
        }
        return decisions;
    }

    static ProvisioningOptionTable[] row(ProvisioningPlanModel data, int period) {
        ProvisioningOptionTable[] row = new ProvisioningOptionTable[data.stages()];
        for (int i = 0; i < data.stages(); i++) {
            row[i] = data.table(period, i);
        }
        return row;
    }
}
