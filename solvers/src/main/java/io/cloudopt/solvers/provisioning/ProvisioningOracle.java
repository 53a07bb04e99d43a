package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
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
        // With cost dominance the bound is the dual bound of the reduced model (see Config).
        stats.put("dominance", config.dominance().name().toLowerCase(Locale.ROOT));
        stats.put("tableSeconds", (System.nanoTime() - started) / 1e9);
        long warmUntil = started + (long) (WARM_START_SHARE * options.timeLimit().toNanos());
        ProvisioningPlanModel.Choice warm = recedingHorizon(data, options, warmUntil);
        stats.put("warmStartUsd", warm == null ? null : data.cost(warm));
        stats.put("warmStartSeconds", (System.nanoTime() - started) / 1e9);
        ProvisioningMilp.Solved solved = ProvisioningMilp.solve(data, MpSolverSupport.Backend.SCIP, options, started,
                0, warm, ProvisioningMilp.Emphasis.SPEED);
        stats.putAll(solved.outcome().stats());
        ProvisioningPlanModel.Choice best = solved.choice();
        if (warm != null && (best == null || data.cost(warm) < data.cost(best))) {
            best = warm;
        }
        ProvisioningSolution plan = null;
        Double modelObjective = null;
        SolveStatus status = solved.outcome().status();
        if (best != null) {
            modelObjective = data.cost(best);
            plan = ProvisioningPlans.compile(instance, name(), options.seed(), decisions(data, best));
            if (status == SolveStatus.UNKNOWN) {
                status = SolveStatus.FEASIBLE;
            }
        }
        return ProvisioningPlanReport.of(instance, plan, status, solved.outcome().termination(), modelObjective,
                solved.outcome().bound(), started, stats);
    }

    /** The share of the time limit the receding-horizon warm start may use. */
    static final double WARM_START_SHARE = 0.4;
    /** Periods of a warm-start window. */
    static final int WARM_START_WINDOW = 12;

    /**
     * A feasible plan for the whole day by receding horizon with perfect foresight: at every period t the
     * model over periods t..t+11 (the full model's own tables) is solved from the VMs of t−1, warm-started
     * with the previous window moved on, and period t (options, N_t, A_t) is kept. A window without a
     * solution in its share of time is re-planned for period t alone. The kept periods satisfy C1–C10 of
     * the full model, so they are one of its solutions; null when even a single period finds nothing.
     */
    static ProvisioningPlanModel.Choice recedingHorizon(ProvisioningPlanModel data, SolveOptions options,
                                                       long untilNanos) {
        int periods = data.periods();
        int stages = data.stages();
        int types = data.types();
        int[][] option = new int[periods][];
        int[] level = new int[periods];
        int[][][] ready = new int[periods][][];
        int[][][] launches = new int[periods][][];
        int[][] before = new int[stages][types];
        ProvisioningPlanModel.Choice previous = null;
        for (int t = 0; t < periods; t++) {
            int window = Math.min(WARM_START_WINDOW, periods - t);
            long left = Math.max(200_000_000L, (untilNanos - System.nanoTime()) / (periods - t));
            SolveOptions step = options.withTime(Duration.ofNanos(left));
            ProvisioningPlanModel.Choice hint = null;
            if (previous != null) {
                int[][] moved = new int[window][];
                int[] movedLevel = new int[window];
                for (int h = 0; h < window; h++) {
                    int from = Math.min(h + 1, previous.option().length - 1);
                    moved[h] = previous.option()[from];
                    movedLevel[h] = previous.level()[from];
                }
                hint = new ProvisioningPlanModel.Choice(moved, movedLevel, null, null);
            }
            ProvisioningMilp.Solved solved = ProvisioningMilp.solve(part(data, t, window, before),
                    MpSolverSupport.Backend.SCIP, step, System.nanoTime(), 1e-4, hint, ProvisioningMilp.Emphasis.SPEED);
            previous = solved.choice();
            if (solved.choice() == null) {
                solved = ProvisioningMilp.solve(part(data, t, 1, before), MpSolverSupport.Backend.SCIP, step,
                        System.nanoTime(), 1e-4, null, ProvisioningMilp.Emphasis.SPEED);
                if (solved.choice() == null) {
                    return null;
                }
            }
            option[t] = solved.choice().option()[0];
            level[t] = solved.choice().level()[0];
            ready[t] = solved.choice().ready()[0];
            launches[t] = solved.choice().launches()[0];
            before = ready[t];
        }
        return new ProvisioningPlanModel.Choice(option, level, ready, launches);
    }

    /** Periods t..t+count−1 of the full model, from the ready VMs {@code before}; launches free. */
    private static ProvisioningPlanModel part(ProvisioningPlanModel data, int first, int count, int[][] before) {
        ProvisioningOptionTable[][] tables = new ProvisioningOptionTable[count][];
        for (int t = 0; t < count; t++) {
            tables[t] = row(data, first + t);
        }
        return ProvisioningPlanModel.multiPeriod(data.options(), tables, first, before, null);
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
