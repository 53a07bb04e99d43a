package io.cloudopt.solvers.provisioning.timefold;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.provisioning.ProvisioningEvaluator;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningRequestStream;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Watchdog;
import io.cloudopt.solvers.provisioning.ProvisioningOptionTable;
import io.cloudopt.solvers.provisioning.ProvisioningOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Timefold metaheuristic of problems/provisioning.md §8 ({@code timefold}) on the multi-period model
 * of §7: one {@link StagePeriodPlan} per (stage, period) choosing an option of its dominance-filtered
 * table at the period's rate, one {@link BudgetLevel} per period, hard C5/C6 per period, soft model cost
 * with the ready VMs and launches derived along the periods ({@link PlanTables}). Starts from FaaS-only
 * options; local search (late acceptance by default, see {@link Search}) with Timefold's change moves on
 * both variables and the moves of {@link ProvisioningMoveFactory}. Building the tables and the final
 * simulation of the plan take part of the limit (a reserve is kept for the latter). One thread, the seed of the options (the Timefold seed, the seed of
 * the realised rates and the plan's simulation seed). The plan compiles to launches at t·H − L^V and
 * terminations at t·H; no bound.
 */
public final class ProvisioningTimefold
        implements io.cloudopt.solvers.common.Solver<ProvisioningInstance, ProvisioningSolution> {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningTimefold.class);
    /** The simulator's time per request (about 1.35 µs measured on the reference day), with a margin. */
    static final double SIMULATION_NANOS_PER_REQUEST = 1600;
    static final double SIMULATION_SHARE = 0.4;
    static final int LATE_ACCEPTANCE_SIZE = 400;
    static final int TABU_ACCEPTED = 100;

    /** Which per-period rates λ_t the option tables are built at. */
    public enum Rates {
        /** The arrival count of period t in the seeded request stream / H (as the oracle). */
        REALISED,
        /** The mean of the expected λ_σ over the period times the stationary burst multiplier. */
        EXPECTED
    }

    /** The local search. */
    public enum Search {
        /** Late acceptance (size 400), one accepted move per step: fast steps; may stall on tiny plans. */
        LATE_ACCEPTANCE,
        /** Entity tabu (1 per 50 entities, at least 1), the best of 100 accepted moves per step. */
        TABU,
        /**
         * Simulated annealing from a soft temperature of half the cheapest VM-period (micro-USD), cooling
         * with the time (or step) gradient; never stalls while warm.
         */
        ANNEALING
    }

    /**
     * The model variant and the search limits.
     *
     * @param rates            the per-period rates
     * @param grid             the option grid of §7
     * @param dominance        the table reduction ({@link ProvisioningOptions.Dominance#PERIOD} is exact here)
     * @param unimprovedLimit  stop after this long without a better best score (null = only the time limit)
     * @param stepLimit        stop after this many steps (null = none; set it for runs that must repeat exactly)
     * @param search           the local search
     */
    public record Config(Rates rates, ProvisioningOptions.Grid grid, ProvisioningOptions.Dominance dominance,
                         Duration unimprovedLimit, Integer stepLimit, Search search) {
        public static final Config DEFAULT = new Config(Rates.REALISED, ProvisioningOptions.Grid.STANDARD,
                ProvisioningOptions.Dominance.PERIOD, null, null, Search.LATE_ACCEPTANCE);

        public Config {
            Objects.requireNonNull(rates, "rates");
            Objects.requireNonNull(grid, "grid");
            Objects.requireNonNull(dominance, "dominance");
            Objects.requireNonNull(search, "search");
            if (stepLimit != null && stepLimit < 0) {
                throw new IllegalArgumentException("The stepLimit (" + stepLimit + ") must be non-negative.");
            }
        }

        public Config withStepLimit(Integer steps) {
            return new Config(rates, grid, dominance, unimprovedLimit, steps, search);
        }

        public Config withSearch(Search type) {
            return new Config(rates, grid, dominance, unimprovedLimit, stepLimit, type);
        }
    }

    private final Config config;
    private final EnvironmentMode environmentMode;

    public ProvisioningTimefold() {
        this(Config.DEFAULT);
    }

    public ProvisioningTimefold(Config config) {
        this(config, EnvironmentMode.NO_ASSERT);
    }

    /** With Timefold's self-checks ({@code FULL_ASSERT} etc.), for tests. */
    ProvisioningTimefold(Config config, EnvironmentMode environmentMode) {
        this.config = Objects.requireNonNull(config, "config");
        this.environmentMode = environmentMode;
    }

    @Override
    public String name() {
        return "timefold";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rates", config.rates().name().toLowerCase(Locale.ROOT));
        params.put("dominance", config.dominance().name().toLowerCase(Locale.ROOT));
        return params;
    }

    @Override
    public SolveReport<ProvisioningSolution> solve(ProvisioningInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        PlanTables tables = tables(instance, config, options.seed());
        ProvisioningPlan plan = construct(tables);
        int[][] constructed = plan.choice();
        long[] constructionScore = tables.score(constructed, plan.levelChoice());
        Duration spent = Duration.ofNanos(System.nanoTime() - started);
        Duration remaining = Duration.ofMillis(Math.max(1L,
                options.timeLimit().minus(spent).minus(simulationReserve(tables, options.timeLimit())).toMillis()));
        Solver<ProvisioningPlan> solver = SolverFactory.<ProvisioningPlan>create(
                solverConfig(options.seed(), remaining, config, environmentMode, plan.plans().size()
                        + plan.budgetLevels().size(), temperature(tables))).buildSolver();
        ProvisioningPlan best;
        boolean interrupted;
        long searchStarted = System.nanoTime();
        try (Watchdog watchdog = Watchdog.start(remaining, solver::terminateEarly)) {
            best = solver.solve(plan);
            interrupted = watchdog.fired();
        }
        boolean timedOut = interrupted || System.nanoTime() - searchStarted >= remaining.toNanos() * 99 / 100;
        Termination termination = timedOut ? Termination.TIME_LIMIT : Termination.CONVERGED;
        HardSoftLongScore score = best.getScore();
        int[][] choice = best.choice();
        double modelCost = tables.modelCostUsd(choice);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("modelObjective", modelCost);
        stats.put("score", String.valueOf(score));
        stats.put("constructionModelObjective", tables.modelCostUsd(constructed));
        stats.put("constructionHard", -constructionScore[0]);
        stats.put("rates", config.rates().name());
        stats.put("options", IntStream.range(0, tables.periods).mapToLong(t -> IntStream.range(0, tables.stages)
                .mapToLong(i -> tables.tables[t][i].size()).sum()).sum());
        stats.put("levels", tables.levels);
        stats.put("watchdogFired", interrupted);
        if (score == null || !score.isFeasible()) {
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("timefold on {}: no plan meets C5/C6 ({})", instance.name(), score);
            return new SolveReport<>(SolveStatus.UNKNOWN, termination, null, null, null, wall, stats);
        }
        ProvisioningSolution solution = solution(tables, choice, options.seed(), name());
        double objective = ProvisioningEvaluator.objective(instance, solution);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("timefold on {}: model {} $, simulated {} $, {} in {} s", instance.name(), modelCost, objective, score,
                wall.toMillis() / 1000.0);
        return new SolveReport<>(SolveStatus.FEASIBLE, termination, solution, objective, null, wall, stats);
    }

    /**
     * Time kept for the evaluator's simulation of the plan after the search: {@link #SIMULATION_NANOS_PER_REQUEST}
     * per expected request, at most {@link #SIMULATION_SHARE} of the limit.
     */
    static Duration simulationReserve(PlanTables tables, Duration limit) {
        double requests = 0;
        for (double rate : tables.ratePerSecond) {
            requests += rate * tables.instance.periodSeconds();
        }
        long nanos = (long) (requests * SIMULATION_NANOS_PER_REQUEST);
        return Duration.ofNanos(Math.min(nanos, (long) (limit.toNanos() * SIMULATION_SHARE)));
    }

    /** The per-period rates of the config. */
    static double[] rates(ProvisioningInstance instance, Rates rates, long seed) {
        int periods = instance.periodCount();
        double length = instance.periodSeconds();
        double[] perSecond = new double[periods];
        if (rates == Rates.REALISED) {
            ProvisioningRequestStream stream = new ProvisioningRequestStream(instance, seed);
            double[] serviceMs = new double[instance.stages().size()];
            long[] counts = new long[periods];
            double next;
            while ((next = stream.peekArrivalSeconds()) != Double.POSITIVE_INFINITY) {
                stream.take(serviceMs, 0);
                counts[Math.min(periods - 1, (int) (next / length))]++;
            }
            for (int t = 0; t < periods; t++) {
                perSecond[t] = counts[t] / length;
            }
            return perSecond;
        }
        ProvisioningInstance.Burst burst = instance.arrivals().burst();
        double multiplier = burst == null ? 1 : 1 + (burst.factor() - 1) * burst.meanDurationSeconds()
                / (burst.meanDurationSeconds() + burst.meanGapSeconds());
        for (int t = 0; t < periods; t++) {
            double sum = 0;
            for (int s = 0; s < length; s++) {
                sum += instance.arrivals().ratePerSecond((int) (t * length) + s);
            }
            perSecond[t] = sum / length * multiplier;
        }
        return perSecond;
    }

    /** The option tables [t][i] at the period rates, n_max from the largest rate. */
    static PlanTables tables(ProvisioningInstance instance, Config config, long seed) {
        double[] rates = rates(instance, config.rates(), seed);
        ProvisioningOptions options = ProvisioningOptions.of(instance, config.grid(), ProvisioningOptions.SloBound.SPLIT);
        double maxRate = Arrays.stream(rates).max().orElse(0);
        int stages = instance.stages().size();
        ProvisioningOptionTable[][] tables = new ProvisioningOptionTable[rates.length][stages];
        for (int t = 0; t < rates.length; t++) {
            for (int i = 0; i < stages; i++) {
                tables[t][i] = options.table(i, rates[t], maxRate, instance.periodSeconds(), config.dominance());
            }
        }
        return new PlanTables(options, tables, rates);
    }

    /** The construction: FaaS-only options, each period at the level its hops need. */
    static ProvisioningPlan construct(PlanTables tables) {
        List<StagePeriodPlan> plans = new ArrayList<>(tables.periods * tables.stages);
        List<BudgetLevel> levels = new ArrayList<>(tables.periods);
        int[] chosen = new int[tables.stages];
        for (int t = 0; t < tables.periods; t++) {
            for (int i = 0; i < tables.stages; i++) {
                int size = tables.tables[t][i].size();
                List<Integer> range = IntStream.range(0, size).boxed().collect(Collectors.toUnmodifiableList());
                chosen[i] = tables.faasOnly[i][t];
                plans.add(new StagePeriodPlan(t * tables.stages + i, i, t, range, chosen[i]));
            }
            levels.add(new BudgetLevel(t, tables.levelFor(tables.budgetUs(t, chosen))));
        }
        List<Integer> levelRange = IntStream.range(0, tables.levels).boxed().collect(Collectors.toUnmodifiableList());
        return new ProvisioningPlan(tables, plans, levels, levelRange);
    }

    static SolverConfig solverConfig(long seed, Duration limit, Config config, EnvironmentMode environmentMode,
                                     int entities, long temperatureMicro) {
        UnionMoveSelectorConfig moves = new UnionMoveSelectorConfig().withMoveSelectors(
                new ChangeMoveSelectorConfig().withEntitySelectorConfig(
                        new EntitySelectorConfig().withEntityClass(StagePeriodPlan.class))
                        .withFixedProbabilityWeight(1.0),
                new ChangeMoveSelectorConfig().withEntitySelectorConfig(
                        new EntitySelectorConfig().withEntityClass(BudgetLevel.class))
                        .withFixedProbabilityWeight(0.5),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(ProvisioningMoveFactory.class)
                        .withSelectionOrder(SelectionOrder.RANDOM).withFixedProbabilityWeight(6.0));
        TerminationConfig termination = new TerminationConfig().withSpentLimit(limit);
        if (config.unimprovedLimit() != null) {
            termination.setUnimprovedSpentLimit(config.unimprovedLimit());
        }
        if (config.stepLimit() != null) {
            termination.setStepCountLimit(config.stepLimit());
        }
        return new SolverConfig()
                .withSolutionClass(ProvisioningPlan.class)
                .withEntityClasses(StagePeriodPlan.class, BudgetLevel.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(ProvisioningScoreCalculator.class))
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(seed)
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
                .withTerminationConfig(termination)
                .withPhases(localSearch(config.search(), entities, temperatureMicro).withMoveSelectorConfig(moves));
    }

    /** The annealing start: half the cheapest VM-period in micro-USD (at least 1). */
    static long temperature(PlanTables tables) {
        return Math.max(1, Arrays.stream(tables.vmPeriodMicro).min().orElse(2) / 2);
    }

    static LocalSearchPhaseConfig localSearch(Search search, int entities, long temperatureMicro) {
        return switch (search) {
            case LATE_ACCEPTANCE -> new LocalSearchPhaseConfig()
                    .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
            case TABU -> new LocalSearchPhaseConfig()
                    .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(Math.max(1, entities / 50)))
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(TABU_ACCEPTED));
            case ANNEALING -> new LocalSearchPhaseConfig()
                    .withAcceptorConfig(new LocalSearchAcceptorConfig()
                            .withSimulatedAnnealingStartingTemperature("0hard/" + temperatureMicro + "soft"))
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        };
    }

    /**
     * The plan of a choice [t][i] (§4, S11): one pool per stage and VM type it uses ({@code p-<stage>}, or
     * {@code p-<stage>-<type>} when a stage uses several types), vmCount = the ready VMs N of
     * {@link PlanTables#readyVms}, launches at t·H − L^V, terminations at t·H, per-period routing with the
     * option's memory, pool, α and budget; a period is listed when it differs from the previous one.
     */
    static ProvisioningSolution solution(PlanTables tables, int[][] choice, long seed, String policy) {
        ProvisioningInstance instance = tables.instance;
        int[][][] inUse = tables.inUse(choice);
        int[][][] ready = new int[tables.stages][tables.types][];
        String[][] poolId = new String[tables.stages][tables.types];
        List<ProvisioningSolution.Pool> pools = new ArrayList<>();
        for (int i = 0; i < tables.stages; i++) {
            String stage = instance.stages().get(i).id();
            int used = 0;
            for (int k = 0; k < tables.types; k++) {
                ready[i][k] = tables.readyVms(inUse[i][k]);
                if (IntStream.of(ready[i][k]).anyMatch(n -> n > 0)) {
                    used++;
                }
            }
            for (int k = 0; k < tables.types; k++) {
                if (IntStream.of(ready[i][k]).anyMatch(n -> n > 0)) {
                    String type = instance.vmTypes().get(k).id();
                    poolId[i][k] = used == 1 ? "p-" + stage : "p-" + stage + "-" + type;
                    pools.add(new ProvisioningSolution.Pool(poolId[i][k], type, List.of(stage)));
                }
            }
        }
        double periodSeconds = instance.periodSeconds();
        List<ProvisioningSolution.Action> actions = new ArrayList<>();
        for (int i = 0; i < tables.stages; i++) {
            for (int k = 0; k < tables.types; k++) {
                if (poolId[i][k] == null) {
                    continue;
                }
                int before = 0;
                for (int t = 0; t < tables.periods; t++) {
                    int now = ready[i][k][t];
                    if (now > before) {
                        actions.add(new ProvisioningSolution.Action(t * periodSeconds - instance.vmColdStartSeconds(),
                                ProvisioningSolution.Action.LAUNCH, poolId[i][k], now - before));
                    } else if (now < before) {
                        actions.add(new ProvisioningSolution.Action(t * periodSeconds,
                                ProvisioningSolution.Action.TERMINATE, poolId[i][k], before - now));
                    }
                    before = now;
                }
            }
        }
        actions.sort(Comparator.comparingDouble(ProvisioningSolution.Action::timeSeconds));
        List<ProvisioningSolution.Period> periods = new ArrayList<>();
        ProvisioningSolution.Period previous = null;
        for (int t = 0; t < tables.periods; t++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < tables.stages; i++) {
                for (int k = 0; k < tables.types; k++) {
                    if (poolId[i][k] != null) {
                        counts.put(poolId[i][k], ready[i][k][t]);
                    }
                }
            }
            List<ProvisioningSolution.Routing> routing = new ArrayList<>();
            for (int i = 0; i < tables.stages; i++) {
                ProvisioningOptionTable table = tables.tables[t][i];
                int o = choice[t][i];
                String pool = table.usesVm(o) ? poolId[i][table.vmType(o)] : null;
                routing.add(new ProvisioningSolution.Routing(instance.stages().get(i).id(), table.memoryMiB(o), pool,
                        pool == null ? 0.0 : table.vmFraction(o), null, table.budgetMs(o)));
            }
            ProvisioningSolution.Period period = new ProvisioningSolution.Period(t, counts, routing);
            if (previous == null || !previous.vmCount().equals(counts) || !previous.routing().equals(routing)) {
                periods.add(period);
                previous = period;
            }
        }
        return new ProvisioningSolution(policy, pools, periods, actions, seed, null);
    }
}
