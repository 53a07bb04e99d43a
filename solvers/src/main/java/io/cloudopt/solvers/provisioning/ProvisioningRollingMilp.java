package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.OrTools;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code milp-rolling} (problems/provisioning.md §7): at every period start t the multi-period MILP is
 * solved over the next W periods with the forecast λ̂_{t+h} = λ̄_{t+h}·clamp(obs_{t−1}/λ̄_{t−1}, 0.5, 2)
 * (obs = the realised rate of the previous period in the seeded stream; factor 1 at t = 0), starting
 * from the VMs ready before t and the launches committed earlier. It commits period t's routing and
 * terminations, and the launches for periods up to t + ⌈L^V/H⌉, which start before the next epoch.
 * Each window is warm-started with the previous window's plan moved one period on. A window without a
 * solution in its time is re-planned for period t alone ({@code stats.singlePeriodWindows}); if that
 * fails too, period t keeps the previous routing and every VM ({@code stats.fallbacks}); without a
 * solution for the first window there is no plan. {@code stats.modelObjective} is the model cost of
 * the committed plan at the realised rates (comparable with the oracle's); there is no bound.
 */
public final class ProvisioningRollingMilp implements Solver<ProvisioningInstance, ProvisioningSolution> {
    /**
     * @param windowPeriods W
     * @param stepLimit     time limit of one window solve (also capped by the time left / steps left)
     * @param relativeGap   SCIP's relative gap limit per window
     * @param dominance     option reduction, see {@link ProvisioningOracle.Config}
     * @param grid          the option grid
     */
    public record Config(int windowPeriods, Duration stepLimit, double relativeGap,
                         ProvisioningOptions.Dominance dominance, ProvisioningOptions.Grid grid) {
        public static final Config DEFAULT = new Config(12, Duration.ofSeconds(1), 1e-4,
                ProvisioningOptions.Dominance.COST, ProvisioningOptions.Grid.STANDARD);

        public Config {
            if (windowPeriods < 1) {
                throw new IllegalArgumentException("The windowPeriods (" + windowPeriods + ") must be at least 1.");
            }
            Objects.requireNonNull(stepLimit, "stepLimit");
            Objects.requireNonNull(dominance, "dominance");
            Objects.requireNonNull(grid, "grid");
        }
    }

    /** A window solve gets at least this much time, or is not started. */
    static final long MIN_STEP_NANOS = 200_000_000L;

    private final Config config;

    public ProvisioningRollingMilp() {
        this(Config.DEFAULT);
    }

    public ProvisioningRollingMilp(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "milp-rolling";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("windowPeriods", config.windowPeriods());
        params.put("stepLimitSeconds", config.stepLimit().toNanos() / 1e9);
        params.put("relativeGap", config.relativeGap());
        params.put("dominance", config.dominance().name().toLowerCase(Locale.ROOT));
        return params;
    }

    @Override
    public SolveReport<ProvisioningSolution> solve(ProvisioningInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        OrTools.load();
        double[] expected = ProvisioningRates.expected(instance);
        double[] realised = ProvisioningRates.realised(instance, options.seed());
        ProvisioningOptions table = ProvisioningOptions.of(instance, config.grid(), ProvisioningOptions.SloBound.SPLIT);
        int periods = instance.periodCount();
        int stages = instance.stages().size();
        int types = instance.vmTypes().size();
        int lead = (int) Math.ceil(instance.vmColdStartSeconds() / instance.periodSeconds() - 1e-9);
        int[][] ready = new int[stages][types];
        Map<Integer, int[][]> committed = new HashMap<>();
        List<ProvisioningPlans.PeriodDecision> decisions = new ArrayList<>();
        int fallbacks = 0;
        Window previousWindow = null;
        int shortWindows = 0;
        int optimal = 0;
        Termination termination = Termination.CONVERGED;
        for (int t = 0; t < periods; t++) {
            long left = options.timeLimit().toNanos() - (System.nanoTime() - started);
            long share = left / (periods - t);
            if (t > 0 && share < MIN_STEP_NANOS) {
                // Out of time: keep the previous routing and every VM, as below.
                fallbacks++;
                int[][] launched = committed.getOrDefault(t, new int[stages][types]);
                decisions.add(keep(decisions.get(decisions.size() - 1), t, ready, launched));
                for (int h = 1; h <= lead && t + h < periods; h++) {
                    committed.putIfAbsent(t + h, new int[stages][types]);
                }
                ready = copy(decisions.get(decisions.size() - 1).ready());
                previousWindow = null;
                termination = Termination.TIME_LIMIT;
                continue;
            }
            double factor = ProvisioningRates.forecastFactor(expected, realised, t);
            int window = Math.min(config.windowPeriods(), periods - t);
            double[] forecast = new double[window];
            for (int h = 0; h < window; h++) {
                forecast[h] = expected[t + h] * factor;
            }
            ProvisioningOptionTable[][] tables = ProvisioningOracle.tables(table, forecast,
                    ProvisioningRates.max(forecast), config.dominance());
            int[][][] fixed = new int[window][][];
            for (int h = 0; h < window && h <= lead; h++) {
                fixed[h] = committed.get(t + h);
            }
            ProvisioningPlanModel data = ProvisioningPlanModel.multiPeriod(table, tables, t, copy(ready), fixed);
            // The first window has no earlier plan to fall back on: up to ten steps' time or half of the limit.
            long stepNanos = t == 0 ? Math.min(10 * config.stepLimit().toNanos(), Math.max(left / 2, MIN_STEP_NANOS))
                    : Math.min(config.stepLimit().toNanos(), share);
            SolveOptions step = options.withTime(Duration.ofNanos(stepNanos));
            ProvisioningMilp.Solved solved = ProvisioningMilp.solve(data, MpSolverSupport.Backend.SCIP, step,
                    System.nanoTime(), config.relativeGap(), shifted(previousWindow, data),
                    ProvisioningMilp.Emphasis.SPEED);
            boolean alonePlanned = false;
            if (solved.choice() == null && window > 1) {
                // No plan for the window in time: plan period t alone (its launches for later periods: none).
                shortWindows++;
                ProvisioningPlanModel alone = ProvisioningPlanModel.multiPeriod(table,
                        new ProvisioningOptionTable[][] {tables[0]}, t, copy(ready), new int[][][] {fixed[0]});
                ProvisioningMilp.Solved single = ProvisioningMilp.solve(alone, MpSolverSupport.Backend.SCIP, step,
                        System.nanoTime(), config.relativeGap(), null, ProvisioningMilp.Emphasis.SPEED);
                if (single.choice() != null) {
                    int[][][] noLaunches = new int[window][stages][types];
                    noLaunches[0] = single.choice().launches()[0];
                    int[][][] readyRows = new int[window][][];
                    int[][] optionRows = new int[window][];
                    int[] levels = new int[window];
                    for (int h = 0; h < window; h++) {
                        readyRows[h] = h == 0 ? single.choice().ready()[0] : new int[stages][types];
                        optionRows[h] = single.choice().option()[0];
                        levels[h] = single.choice().level()[0];
                    }
                    solved = new ProvisioningMilp.Solved(single.outcome(),
                            new ProvisioningPlanModel.Choice(optionRows, levels, readyRows, noLaunches));
                    alonePlanned = true;
                }
            }
            int[] option;
            int[][] now;
            int[][] launched;
            previousWindow = solved.choice() == null || alonePlanned ? null : new Window(data, solved.choice());
            if (solved.choice() != null) {
                ProvisioningPlanModel.Choice choice = solved.choice();
                option = choice.option()[0].clone();
                now = choice.ready()[0];
                launched = choice.launches()[0];
                for (int h = 1; h < window && h <= lead; h++) {
                    committed.putIfAbsent(t + h, choice.launches()[h]);
                }
                optimal += solved.outcome().status() == SolveStatus.OPTIMAL ? 1 : 0;
                if (solved.outcome().termination() != Termination.CONVERGED) {
                    termination = solved.outcome().termination();
                }
            } else if (t == 0) {
                Map<String, Object> stats = new LinkedHashMap<>(solved.outcome().stats());
                stats.put("windows", 1);
                return ProvisioningPlanReport.of(instance, null, solved.outcome().status(),
                        solved.outcome().termination(), null, null, started, stats);
            } else {
                // Keep the previous period's routing and every VM (ready or launched for t).
                fallbacks++;
                launched = committed.getOrDefault(t, new int[stages][types]);
                for (int h = 1; h < window && h <= lead; h++) {
                    committed.putIfAbsent(t + h, new int[stages][types]);
                }
                decisions.add(keep(decisions.get(decisions.size() - 1), t, ready, launched));
                now = decisions.get(decisions.size() - 1).ready();
                ready = copy(now);
                continue;
            }
            decisions.add(new ProvisioningPlans.PeriodDecision(t, tables[0], option, now, launched));
            ready = copy(now);
        }
        ProvisioningSolution plan = ProvisioningPlans.compile(instance, name(), options.seed(), decisions);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("windows", periods);
        stats.put("windowsOptimal", optimal);
        stats.put("singlePeriodWindows", shortWindows);
        stats.put("fallbacks", fallbacks);
        double modelCost = realisedModelCost(table, realised, decisions);
        return ProvisioningPlanReport.of(instance, plan, SolveStatus.FEASIBLE, termination, modelCost, null, started,
                stats);
    }

    /**
     * The model cost of the committed decisions at the realised rates: p_k/3600·(H·N + L^V·A) plus the
     * FaaS cost (1−α)·r_i·λ_t·H·c^F_i(m) of each period's option.
     */
    static double realisedModelCost(ProvisioningOptions options, double[] realised,
                                    List<ProvisioningPlans.PeriodDecision> decisions) {
        ProvisioningInstance instance = options.instance();
        double usd = 0;
        double period = instance.periodSeconds();
        for (ProvisioningPlans.PeriodDecision decision : decisions) {
            for (int i = 0; i < decision.options().length; i++) {
                ProvisioningOptionTable table = decision.tables()[i];
                int o = decision.options()[i];
                usd += (1 - table.vmFraction(o)) * instance.reach(i) * realised[decision.period()] * period
                        * options.faasUsdPerInvocation(i, table.memoryIndex(o));
                for (int k = 0; k < instance.vmTypes().size(); k++) {
                    double price = instance.vmTypes().get(k).usdPerHour() / 3600;
                    usd += price * (period * decision.ready()[i][k]
                            + instance.vmColdStartSeconds() * decision.launches()[i][k]);
                }
            }
        }
        return usd;
    }

    /** Period t with the previous period's routing and every VM: N_t = N_{t−1} + the launches committed for t. */
    private static ProvisioningPlans.PeriodDecision keep(ProvisioningPlans.PeriodDecision previous, int t,
                                                         int[][] ready, int[][] launched) {
        int[][] now = new int[ready.length][];
        for (int i = 0; i < ready.length; i++) {
            now[i] = ready[i].clone();
            for (int k = 0; k < now[i].length; k++) {
                now[i][k] += launched[i][k];
            }
        }
        return new ProvisioningPlans.PeriodDecision(t, previous.tables(), previous.options(), now, launched);
    }

    private record Window(ProvisioningPlanModel data, ProvisioningPlanModel.Choice choice) {
    }

    /**
     * The previous window's plan moved one period on, as a (partial) hint: the same options where the new
     * tables hold them, the last period repeated; no VM counts (SCIP completes them).
     */
    static ProvisioningPlanModel.Choice shifted(Window previous, ProvisioningPlanModel next) {
        if (previous == null) {
            return null;
        }
        int periods = next.periods();
        int stages = next.stages();
        int[][] option = new int[periods][stages];
        int[] level = new int[periods];
        for (int t = 0; t < periods; t++) {
            int from = Math.min(t + 1, previous.data().periods() - 1);
            level[t] = previous.choice().level()[from];
            for (int i = 0; i < stages; i++) {
                long key = previous.data().table(from, i).key(previous.choice().option()[from][i]);
                option[t][i] = next.table(t, i).indexOf(key);
            }
        }
        return new ProvisioningPlanModel.Choice(option, level, null, null);
    }

    private static int[][] copy(int[][] values) {
        int[][] copy = new int[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }
}
