package io.cloudopt.solvers.workflow.timefold;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowSimulator;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Watchdog;
import io.cloudopt.solvers.workflow.WorkflowListSchedules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Timefold metaheuristic of problems/workflow.md §8 ({@code timefold}), as a list-variable
 * model: typed {@link VmSlot}s each holding its tasks in run order, scored by an exact re-time of
 * the whole schedule ({@link WorkflowRetiming}). Starts from the cheapest of the list schedules and
 * the rule-based policies' runs, re-timed; the pool per type is the most VMs of that type used by
 * the best list schedule, prolis or the construction, plus 20 % (at least one slot). Local search
 * with Timefold's list moves (change, swap, sub-list change and swap, 2-opt) until the time limit
 * or the unimproved limit. One thread, the seed of the options; the result is an offline schedule
 * with no bound.
 */
public final class WorkflowTimefold implements io.cloudopt.solvers.common.Solver<WorkflowInstance, WorkflowSolution> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowTimefold.class);
    /** Spare slots per type, as a fraction of the VMs the reference schedules use. */
    static final double SPARE_SLOTS = 0.2;

    /** Stop after {@code unimprovedLimit} without a better best solution. */
    public record Config(Duration unimprovedLimit) {
        public static final Config DEFAULT = new Config(Duration.ofSeconds(30));

        public Config {
            Objects.requireNonNull(unimprovedLimit, "unimprovedLimit");
            if (unimprovedLimit.isNegative() || unimprovedLimit.isZero()) {
                throw new IllegalArgumentException("The unimprovedLimit (" + unimprovedLimit + ") must be positive.");
            }
        }
    }

    private final Config config;
    private final EnvironmentMode environmentMode;

    public WorkflowTimefold() {
        this(Config.DEFAULT, EnvironmentMode.NO_ASSERT);
    }

    /** With Timefold's self-checks ({@code FULL_ASSERT} etc.), for tests. */
    WorkflowTimefold(Config config, EnvironmentMode environmentMode) {
        this.config = config;
        this.environmentMode = environmentMode;
    }

    @Override
    public String name() {
        return "timefold";
    }

    @Override
    public SolveReport<WorkflowSolution> solve(WorkflowInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        WorkflowRetiming retiming = new WorkflowRetiming(instance);
        Construction construction = construct(instance, retiming);
        WorkflowPlan plan = construction.plan();
        Duration spent = Duration.ofNanos(System.nanoTime() - started);
        Duration remaining = Duration.ofMillis(Math.max(1L, options.timeLimit().minus(spent).toMillis()));
        Solver<WorkflowPlan> solver = SolverFactory.<WorkflowPlan>create(
                solverConfig(options.seed(), remaining, config.unimprovedLimit(), environmentMode)).buildSolver();
        WorkflowPlan best;
        boolean interrupted;
        try (Watchdog watchdog = Watchdog.start(remaining, solver::terminateEarly)) {
            best = solver.solve(plan);
            interrupted = watchdog.fired();
        }
        HardMediumSoftLongScore score = best.getScore();
        if (score == null || !score.isFeasible()) {
            // Never expected (the construction is acyclic and Timefold keeps the best), but stay safe.
            best = plan;
        }
        WorkflowSolution solution = retiming.solution(best.slotTasks(), best.slotTypes(), "timefold");
        double objective = WorkflowEvaluator.objective(instance, solution);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("construction", construction.policy());
        stats.put("constructionObjective", construction.objectiveUsd());
        stats.put("slots", plan.slots().size());
        stats.put("score", String.valueOf(score));
        stats.put("watchdogFired", interrupted);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("timefold on {}: {} $ from {} {} $ in {} s", instance.name(), objective, construction.policy(),
                construction.objectiveUsd(), wall.toMillis() / 1000.0);
        return new SolveReport<>(SolveStatus.FEASIBLE, interrupted ? Termination.TIME_LIMIT : Termination.CONVERGED,
                solution, objective, null, wall, stats);
    }

    static SolverConfig solverConfig(long seed, Duration limit, Duration unimproved, EnvironmentMode environmentMode) {
        return new SolverConfig()
                .withSolutionClass(WorkflowPlan.class)
                .withEntityClasses(VmSlot.class)
                .withEasyScoreCalculatorClass(WorkflowScoreCalculator.class)
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(seed)
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit)
                        .withUnimprovedSpentLimit(unimproved))
                .withPhases(new LocalSearchPhaseConfig());
    }

    /** The starting plan, where it came from and its re-timed objective in dollars. */
    record Construction(String policy, double objectiveUsd, WorkflowPlan plan) {
    }

    /** A reference schedule as slot lists: per VM its type and its tasks by start time. */
    private record SlotSchedule(String policy, int[] types, int[][] tasks, long costScore) {
    }

    static Construction construct(WorkflowInstance instance, WorkflowRetiming retiming) {
        Map<String, Integer> taskIndex = new HashMap<>();
        for (int j = 0; j < retiming.taskCount; j++) {
            Workflow workflow = instance.workflows().get(retiming.workflowOf[j]);
            taskIndex.put(workflow.id() + "\u0000" + workflow.tasks().get(retiming.localIndex[j]).id(), j);
        }
        SlotSchedule bestList = null;
        for (WorkflowSolution schedule : WorkflowListSchedules.all(instance)) {
            bestList = better(bestList, slotSchedule(instance, retiming, taskIndex, schedule));
        }
        SlotSchedule best = bestList;
        SlotSchedule prolis = null;
        for (String name : WorkflowPolicies.NAMES) {
            WorkflowSimulator simulator = new WorkflowSimulator(instance);
            simulator.run(WorkflowPolicies.create(name));
            SlotSchedule run = slotSchedule(instance, retiming, taskIndex, simulator.solution(name));
            if (name.equals("prolis")) {
                prolis = run;
            }
            best = better(best, run);
        }
        int types = retiming.typeCount();
        int[] pool = new int[types];
        for (SlotSchedule reference : new SlotSchedule[] {bestList, prolis, best}) {
            if (reference != null) {
                int[] count = new int[types];
                for (int type : reference.types()) {
                    count[type]++;
                }
                for (int k = 0; k < types; k++) {
                    pool[k] = Math.max(pool[k], count[k]);
                }
            }
        }
        List<PlannedTask> tasks = new ArrayList<>(retiming.taskCount);
        for (int j = 0; j < retiming.taskCount; j++) {
            tasks.add(new PlannedTask(j));
        }
        List<List<VmSlot>> byType = new ArrayList<>();
        for (int k = 0; k < types; k++) {
            byType.add(new ArrayList<>());
        }
        for (int vm = 0; vm < best.types().length; vm++) {
            List<PlannedTask> list = new ArrayList<>();
            for (int j : best.tasks()[vm]) {
                list.add(tasks.get(j));
            }
            byType.get(best.types()[vm]).add(new VmSlot(0, best.types()[vm], list));
        }
        List<VmSlot> slots = new ArrayList<>();
        for (int k = 0; k < types; k++) {
            int size = Math.max(1, (int) Math.ceil(pool[k] * (1 + SPARE_SLOTS) - 1e-9));
            List<VmSlot> ofType = byType.get(k);
            for (int i = 0; i < size || i < ofType.size(); i++) {
                List<PlannedTask> list = i < ofType.size() ? ofType.get(i).getTasks() : List.of();
                slots.add(new VmSlot(slots.size(), k, list));
            }
        }
        WorkflowPlan plan = new WorkflowPlan(retiming, slots, tasks);
        return new Construction(best.policy(), -best.costScore() / WorkflowRetiming.MICRO, plan);
    }

    private static SlotSchedule better(SlotSchedule incumbent, SlotSchedule candidate) {
        return candidate != null && (incumbent == null || candidate.costScore() > incumbent.costScore())
                ? candidate : incumbent;
    }

    /** The schedule's VMs as slots, tasks by (start, finish, index); null when its order has a cycle. */
    private static SlotSchedule slotSchedule(WorkflowInstance instance, WorkflowRetiming retiming,
                                             Map<String, Integer> taskIndex, WorkflowSolution schedule) {
        Map<String, Integer> typeIndex = new HashMap<>();
        for (int k = 0; k < instance.vmTypes().size(); k++) {
            typeIndex.put(instance.vmTypes().get(k).name(), k);
        }
        Map<String, Integer> vmIndex = new HashMap<>();
        List<Integer> types = new ArrayList<>();
        for (WorkflowSolution.Lease lease : schedule.vms()) {
            vmIndex.put(lease.id(), types.size());
            types.add(typeIndex.get(lease.type()));
        }
        List<List<WorkflowSolution.Assignment>> onVm = new ArrayList<>();
        for (int v = 0; v < types.size(); v++) {
            onVm.add(new ArrayList<>());
        }
        for (WorkflowSolution.Assignment assignment : schedule.assignments()) {
            onVm.get(vmIndex.get(assignment.vm())).add(assignment);
        }
        List<int[]> lists = new ArrayList<>();
        List<Integer> usedTypes = new ArrayList<>();
        for (int v = 0; v < types.size(); v++) {
            List<WorkflowSolution.Assignment> list = onVm.get(v);
            if (list.isEmpty()) {
                continue;
            }
            list.sort(Comparator.comparingDouble(WorkflowSolution.Assignment::startSeconds)
                    .thenComparingDouble(WorkflowSolution.Assignment::finishSeconds)
                    .thenComparingInt(a -> taskIndex.get(a.workflow() + "\u0000" + a.task())));
            lists.add(list.stream().mapToInt(a -> taskIndex.get(a.workflow() + "\u0000" + a.task())).toArray());
            usedTypes.add(types.get(v));
        }
        int[][] tasks = lists.toArray(int[][]::new);
        int[] slotTypes = usedTypes.stream().mapToInt(Integer::intValue).toArray();
        long[] score = retiming.score(tasks, slotTypes);
        return score[0] < 0 ? null : new SlotSchedule(schedule.policy(), slotTypes, tasks, score[1]);
    }
}
