package io.cloudopt.solvers.rescheduling.timefold;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.PillarChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.rescheduling.AntiAffinityGroup;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import io.cloudopt.solvers.common.Watchdog;
import io.cloudopt.solvers.rescheduling.MappingSequencer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Timefold metaheuristic of problems/rescheduling.md §8 ({@code timefold}): a final location
 * per movable VM, started at the current placement, improved by local search with change, swap,
 * revert-to-origin and pillar-change moves until the time limit or 30 s without improvement. One
 * thread, the seed of the options. The best mapping is turned into a plan by a
 * {@link MappingSequencer}; the report has no bound.
 */
public final class ReschedulingTimefold implements Solver<ReschedulingInstance, ReschedulingSolution> {
    /** Stop after this long without a better score (§8). */
    static final Duration UNIMPROVED_LIMIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ReschedulingTimefold.class);

    private final MappingSequencer sequencer;
    private final EnvironmentMode environmentMode;
    private final Long stepLimit;

    public ReschedulingTimefold(MappingSequencer sequencer) {
        this(sequencer, EnvironmentMode.NO_ASSERT, null);
    }

    /**
     * For tests: Timefold's self-checks ({@code FULL_ASSERT}) and a step limit instead of the clock,
     * which makes a run reproducible step for step.
     */
    ReschedulingTimefold(MappingSequencer sequencer, EnvironmentMode environmentMode, Long stepLimit) {
        this.sequencer = sequencer;
        this.environmentMode = environmentMode;
        this.stepLimit = stepLimit;
    }

    @Override
    public String name() {
        return "timefold";
    }

    @Override
    public SolveReport<ReschedulingSolution> solve(ReschedulingInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        ReschedulingState initial = ReschedulingState.initial(instance);
        ReschedulingPlan plan = plan(initial);
        Map<String, Object> stats = new LinkedHashMap<>();
        ReschedulingState mapping = initial.copy();
        Termination termination = Termination.CONVERGED;
        if (!plan.vms().isEmpty()) {
            Duration spent = Duration.ofNanos(System.nanoTime() - started);
            Duration remaining = Duration.ofMillis(Math.max(1L, options.timeLimit().minus(spent).toMillis()));
            ai.timefold.solver.core.api.solver.Solver<ReschedulingPlan> solver = SolverFactory
                    .<ReschedulingPlan>create(config(options.seed(), remaining, stepLimit, environmentMode))
                    .buildSolver();
            ReschedulingPlan best;
            try (Watchdog watchdog = Watchdog.start(remaining, solver::terminateEarly)) {
                best = solver.solve(plan);
                stats.put("watchdogFired", watchdog.fired());
            }
            if (stepLimit == null && System.nanoTime() - started >= options.timeLimit().toNanos()) {
                termination = Termination.TIME_LIMIT;
            }
            HardMediumSoftLongScore score = best.getScore();
            stats.put("score", String.valueOf(score));
            for (VmMove vm : best.vms()) {
                mapping.move(vm.index(), vm.getLocation().pm(), vm.getLocation().mask());
            }
        }
        List<ReschedulingSolution.Step> steps = sequencer.sequence(instance, mapping);
        ReschedulingState end = initial.copy();
        for (ReschedulingSolution.Step step : steps) {
            end.move(end.vmIndex(step.vm()), end.pmIndex(step.toPm()), ReschedulingState.mask(step.toNumas()));
        }
        stats.put("mappingFragmentCpuCores", mapping.totalFragments());
        stats.put("planFragmentCpuCores", end.totalFragments());
        stats.put("steps", steps.size());
        ReschedulingSolution solution = ReschedulingProblem.fromPlan(end, steps, false);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("timefold on {}: fragments {} -> mapping {} -> plan {} ({} steps) in {} s", instance.name(),
                initial.totalFragments(), mapping.totalFragments(), end.totalFragments(), steps.size(),
                wall.toMillis() / 1000.0);
        return new SolveReport<>(SolveStatus.FEASIBLE, termination, solution, end.fragmentRate(), null, wall, stats);
    }

    /** The Timefold plan of an instance, every VM at its current location. */
    static ReschedulingPlan plan(ReschedulingState state) {
        ReschedulingInstance instance = state.instance();
        int g = state.fragmentCpuCores();
        long[] pinnedCpu = new long[2 * state.pmCount()];
        long[] pinnedMemory = new long[2 * state.pmCount()];
        for (int v = 0; v < state.vmCount(); v++) {
            if (!state.isMovable(v)) {
                for (int n = 0; n < 2; n++) {
                    if ((state.numaMask(v) & (1 << n)) != 0) {
                        pinnedCpu[2 * state.host(v) + n] += state.cpuShare(v);
                        pinnedMemory[2 * state.host(v) + n] += state.memoryShare(v);
                    }
                }
            }
        }
        List<PmNuma> numas = new ArrayList<>();
        List<Location> numaRange = new ArrayList<>();
        List<Location> pmRange = new ArrayList<>();
        Map<Integer, Pm> pmOf = new HashMap<>();
        Map<Integer, PmNuma[]> numasOf = new HashMap<>();
        for (int p = 0; p < state.pmCount(); p++) {
            if (!state.isActive(p)) {
                continue;
            }
            PmNuma[] pair = new PmNuma[2];
            for (int n = 0; n < 2; n++) {
                pair[n] = new PmNuma(p, state.rack(p), n, state.capacityCpu(p, n), state.capacityMemory(p, n),
                        pinnedCpu[2 * p + n], pinnedMemory[2 * p + n], g);
                numas.add(pair[n]);
                numaRange.add(pair[n]);
            }
            Pm pm = new Pm(pair[0], pair[1]);
            pmRange.add(pm);
            pmOf.put(p, pm);
            numasOf.put(p, pair);
        }
        List<AffinityGroup> groups = new ArrayList<>();
        Map<Integer, List<AffinityGroup>> groupsOf = new HashMap<>();
        for (int gi = 0; gi < instance.antiAffinityGroups().size(); gi++) {
            AntiAffinityGroup source = instance.antiAffinityGroups().get(gi);
            boolean rack = source.scope() == AntiAffinityGroup.Scope.RACK;
            Map<Integer, Integer> pinned = new HashMap<>();
            for (String member : source.vms()) {
                int v = state.vmIndex(member);
                if (!state.isMovable(v)) {
                    pinned.merge(rack ? state.rack(state.host(v)) : state.host(v), 1, Integer::sum);
                }
            }
            AffinityGroup group = new AffinityGroup(gi, rack, pinned);
            groups.add(group);
            for (String member : source.vms()) {
                groupsOf.computeIfAbsent(state.vmIndex(member), v -> new ArrayList<>()).add(group);
            }
        }
        List<VmMove> vms = new ArrayList<>();
        for (int v = 0; v < state.vmCount(); v++) {
            if (!state.isMovable(v)) {
                continue;
            }
            int host = state.host(v);
            Location origin = state.isDouble(v) ? pmOf.get(host)
                    : numasOf.get(host)[state.numaMask(v) == 1 ? 0 : 1];
            vms.add(new VmMove(v, state.cpuShare(v), state.memoryShare(v), instance.numaFlipCountsAsMigration(), origin,
                    state.isDouble(v) ? pmRange : numaRange, groupsOf.getOrDefault(v, List.of())));
        }
        return new ReschedulingPlan(numas, groups, new MigrationBudget(instance.maxMigrations()), vms);
    }

    static SolverConfig config(long seed, Duration limit, Long stepLimit, EnvironmentMode environmentMode) {
        UnionMoveSelectorConfig moves = new UnionMoveSelectorConfig().withMoveSelectors(
                new ChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                new SwapMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RevertMoveFactory.class)
                        .withSelectionOrder(SelectionOrder.RANDOM).withFixedProbabilityWeight(0.2),
                new PillarChangeMoveSelectorConfig().withFixedProbabilityWeight(0.1));
        TerminationConfig termination = new TerminationConfig().withSpentLimit(limit);
        if (stepLimit != null) {
            termination.setStepCountLimit(stepLimit.intValue());
        } else {
            termination.setUnimprovedSpentLimit(UNIMPROVED_LIMIT);
        }
        return new SolverConfig()
                .withSolutionClass(ReschedulingPlan.class)
                .withEntityClasses(VmMove.class)
                .withConstraintProviderClass(ReschedulingConstraints.class)
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(seed)
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
                .withTerminationConfig(termination)
                .withPhases(new LocalSearchPhaseConfig().withMoveSelectorConfig(moves));
    }
}
