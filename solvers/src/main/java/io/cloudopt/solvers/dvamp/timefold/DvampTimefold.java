package io.cloudopt.solvers.dvamp.timefold;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.RuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.dvamp.DvampDecoder;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPlacement;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.model.dvamp.DvampVm;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Watchdog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Timefold metaheuristic of problems/dvamp.md §8 ({@code timefold}): slots per VM, start times
 * from the decoder, soft score −total wait. Starts from the decoded slots of the best of the ff,
 * bf and balance runs (same total wait), then local search with change, same-shape swap, "move the
 * blocker" and ruin-and-recreate moves until the time limit or a wait of 0. One thread, the seed of
 * the options. The result is an offline schedule with no bound; only {@code spane} semantics.
 */
public final class DvampTimefold implements io.cloudopt.solvers.common.Solver<DvampInstance, DvampSolution> {
    /** The policies whose best run is the construction, ties to the earlier one. */
    static final List<String> CONSTRUCTION_POLICIES = List.of("ff", "bf", "balance");
    private static final Logger LOG = LoggerFactory.getLogger(DvampTimefold.class);
    private static final int RUIN_MIN = 5;
    private static final int RUIN_MAX = 20;

    private final EnvironmentMode environmentMode;

    public DvampTimefold() {
        this(EnvironmentMode.NO_ASSERT);
    }

    /** With Timefold's self-checks ({@code FULL_ASSERT} etc.), for tests. */
    DvampTimefold(EnvironmentMode environmentMode) {
        this.environmentMode = environmentMode;
    }

    @Override
    public String name() {
        return "timefold";
    }

    @Override
    public SolveReport<DvampSolution> solve(DvampInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        if (instance.semantics() != DvampSemantics.SPANE) {
            return new SolveReport<>(SolveStatus.MODEL_INVALID, Termination.ERROR, null, null, null,
                    Duration.ofNanos(System.nanoTime() - started), Map.of("message",
                    "The semantics (" + instance.semantics().json() + ") of instance (" + instance.name()
                            + ") is not supported by timefold: it minimises the total wait of semantics spane."
                            + "\nMaybe use cpsat or a greedy solver for vmagent instances."));
        }
        DvampWorkload workload = DvampWorkload.of(instance);
        Construction construction = construct(instance, workload);
        DvampPlan plan = plan(workload, construction.slots());
        Duration spent = Duration.ofNanos(System.nanoTime() - started);
        Duration remaining = Duration.ofMillis(Math.max(1L, options.timeLimit().minus(spent).toMillis()));
        Solver<DvampPlan> solver = SolverFactory.<DvampPlan>create(config(options.seed(), remaining, environmentMode))
                .buildSolver();
        DvampPlan best;
        boolean interrupted;
        try (Watchdog watchdog = Watchdog.start(remaining, solver::terminateEarly)) {
            best = solver.solve(plan);
            interrupted = watchdog.fired();
        }
        int[] slots = best.placements().stream().mapToInt(p -> p.getSlot() == null ? DvampDecoder.NO_SLOT : p.getSlot())
                .toArray();
        DvampSolution solution = solution(instance, workload, slots);
        HardSoftLongScore score = best.getScore();
        Termination termination = score != null && score.isFeasible() && score.softScore() == 0
                ? Termination.CONVERGED : Termination.TIME_LIMIT;
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("construction", construction.policy());
        stats.put("constructionObjective", (double) construction.totalWaitSeconds());
        stats.put("score", String.valueOf(score));
        stats.put("watchdogFired", interrupted);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("timefold on {}: {} from {} {} in {} s", instance.name(), score, construction.policy(),
                construction.totalWaitSeconds(), wall.toMillis() / 1000.0);
        return new SolveReport<>(SolveStatus.FEASIBLE, termination, solution,
                DvampProblem.INSTANCE.objective(instance, solution), null, wall, stats);
    }

    /** The best of the construction policies' runs: its name, slots and total wait. */
    record Construction(String policy, int[] slots, long totalWaitSeconds) {
    }

    static Construction construct(DvampInstance instance, DvampWorkload workload) {
        Construction best = null;
        for (String name : CONSTRUCTION_POLICIES) {
            DvampRun run = DvampSimulator.run(instance, DvampPolicies.create(name, 1L), 0, DvampObserver.NONE);
            if (best == null || run.totalWaitSeconds() < best.totalWaitSeconds()) {
                int[] slots = IntStream.range(0, run.placedCount())
                        .map(j -> DvampDecoder.slotOfAction(workload, j, run.actions()[j])).toArray();
                best = new Construction(name, slots, run.totalWaitSeconds());
            }
        }
        return best;
    }

    /** A plan of the first {@code slots.length} VMs with these slots ({@link DvampDecoder#NO_SLOT} = none). */
    static DvampPlan plan(DvampWorkload workload, int[] slots) {
        List<Integer> nodeSlots = IntStream.range(0, workload.nodeCount()).boxed().collect(Collectors.toUnmodifiableList());
        List<Integer> pmSlots = IntStream.range(0, workload.pmCount()).boxed().collect(Collectors.toUnmodifiableList());
        List<VmPlacement> placements = new ArrayList<>(slots.length);
        for (int j = 0; j < slots.length; j++) {
            boolean isDouble = workload.isDouble(j);
            placements.add(new VmPlacement(j, isDouble, workload.arrivalSeconds(j), workload.lifetimeSeconds(j),
                    isDouble ? pmSlots : nodeSlots, slots[j] == DvampDecoder.NO_SLOT ? null : slots[j]));
        }
        return new DvampPlan(workload, placements);
    }

    static SolverConfig config(long seed, Duration limit, EnvironmentMode environmentMode) {
        UnionMoveSelectorConfig moves = new UnionMoveSelectorConfig().withMoveSelectors(
                new ChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                new SwapMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(BlockerMoveFactory.class)
                        .withSelectionOrder(SelectionOrder.RANDOM).withFixedProbabilityWeight(0.5),
                new RuinRecreateMoveSelectorConfig().withMinimumRuinedCount(RUIN_MIN).withMaximumRuinedCount(RUIN_MAX)
                        .withFixedProbabilityWeight(0.02));
        return new SolverConfig()
                .withSolutionClass(DvampPlan.class)
                .withEntityClasses(VmPlacement.class)
                .withConstraintProviderClass(DvampConstraints.class)
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(seed)
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit).withBestScoreLimit("0hard/0soft"))
                .withPhases(new LocalSearchPhaseConfig().withMoveSelectorConfig(moves));
    }

    /** The offline schedule of these slots: the decoder's start times. */
    static DvampSolution solution(DvampInstance instance, DvampWorkload workload, int[] slots) {
        long[] starts = DvampDecoder.decode(workload, slots);
        List<DvampPlacement> placements = new ArrayList<>(slots.length);
        for (int j = 0; j < slots.length; j++) {
            DvampVm vm = instance.vms().get(j);
            boolean isDouble = workload.isDouble(j);
            int action = DvampDecoder.actionOfSlot(workload, j, slots[j]);
            placements.add(new DvampPlacement(vm.id(), action >> 1, isDouble ? null : action & 1, starts[j]));
        }
        return new DvampSolution(DvampSolution.Schedule.OFFLINE, null, placements, null);
    }
}
