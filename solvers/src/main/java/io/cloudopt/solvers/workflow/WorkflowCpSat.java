package io.cloudopt.solvers.workflow;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.Constraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowSimulator;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.model.workflow.WorkflowVerifier;
import io.cloudopt.solvers.common.CpSatSupport;
import io.cloudopt.solvers.common.OrTools;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hindsight CP-SAT model of problems/workflow.md §7, the main exact tool: integer time in
 * ticks of 1/K s (K = 1000, ms), one optional interval per (task, slot) of length ⌊d_jk·K⌋,
 * {@code NoOverlap} per slot, leases per slot in whole billing periods, lateness per workflow, and
 * an integer objective in units of $1/(18 000·K): π_k → 18 000·K·π_k, a late workflow →
 * 18 000·K, each tick of lateness → 5β. Flooring durations and arrivals and ceiling deadlines
 * makes the model a relaxation of the real one, so CP-SAT's bound is a lower bound on every
 * schedule, online policies included (§7) — provided every type has enough slots
 * ({@link WorkflowOfflineData}); with capped slots the value goes to {@code stats.cappedBound}.
 * Redundant constraints (each valid for every tick schedule, so the model stays a relaxation; the
 * argument is beside each): the linear task length C_j = S_j + Σ_v ⌊d_jv·K⌋·x_jv; per-phase slot loads
 * and capacity between the articulation tasks of a workflow (tasks comparable with all others);
 * secants of span ≥ W/X on the lattice of rented vCPUs X (a multiple of gcd c_k). Between the two
 * phases the first phase's schedule is polished on its own fleet (a restriction used only to find a
 * cheaper incumbent, never for the bound).
 * The schedule read back is re-timed with exact doubles in the model's order, so the reported
 * objective (the evaluator's) can exceed the model's by the sub-tick lateness and, rarely, a
 * billing period the flooring hid; the report then says how much in {@code stats}.
 *
 * <p>Bound. The reported bound is the max of CP-SAT's certified bound and the combinatorial
 * {@link WorkflowLowerBound} (both lower bounds on the hindsight optimum, so their max is one too);
 * {@code stats.boundSource} says which. Size guard: before any model is built, its size is estimated
 * as the number of task–slot pairs |J|·Σ_k N_k (one literal, one optional interval and two enforced
 * lease constraints each, plus the per-slot redundant rows); above {@link #MAX_MODEL_PAIRS} the model is
 * not built ({@code stats.modelSkipped}) and the report carries the best verified rule-based or list
 * schedule (the one the model would have been hinted with) and the combinatorial bound.
 */
public final class WorkflowCpSat implements Solver<WorkflowInstance, WorkflowSolution> {
    /** Ticks per second (K of §7). */
    static final long TICKS_PER_SECOND = 1000;
    /** Objective units per dollar: 18 000·K, so that 2 vCPU-hours cost 1 728 000 and a ms of lateness 10. */
    static final long UNITS_PER_USD = 18_000 * TICKS_PER_SECOND;

    /** How many slots of each type the model has. */
    public record Config(Integer maxSlotsPerType) {
        /** Slots enough for a certified bound (⌊UB/π_k⌋ capped at |J|). */
        public static final Config CERTIFIED = new Config(null);
    }

    private final Config config;

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowCpSat.class);

    /**
     * Largest model built, in task–slot pairs |J|·Σ_k N_k. Measured on the first k workflows of GATES
     * S-0 (γ 1.5, one thread): 26 k pairs build in 0.8 s and 170 MB of heap, 115 k pairs in 4.5 s,
     * 670 MB and a 41 MB proto, growing faster than linearly; a solve builds up to four models (two
     * phases, one or two polishes), and a 60 s search on 100 k+ pairs rarely improves on its hint. The
     * single size-S workflows have at most 2.1 k pairs; the 30-workflow S instances have 0.7–1.6 M.
     */
    static final long MAX_MODEL_PAIRS = 50_000;

    /** The size estimate compared with {@link #MAX_MODEL_PAIRS}: task–slot pairs (x_jv literals). */
    static long modelSize(WorkflowOfflineData data) {
        return (long) data.taskCount * data.slotCount();
    }

    public WorkflowCpSat() {
        this(Config.CERTIFIED);
    }

    public WorkflowCpSat(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "cpsat";
    }

    @Override
    public Map<String, Object> params() {
        return config.maxSlotsPerType() == null ? Map.of() : Map.of("maxSlotsPerType", config.maxSlotsPerType());
    }

    /** Share of the time limit for the first phase; the second re-counts slots with its incumbent. */
    static final double FIRST_PHASE_SHARE = 0.2;

    /**
     * Two phases: the model with slot counts from the best policy, then — unless that proved
     * optimality — the model rebuilt with the first phase's schedule as incumbent, whose lower
     * cost certifies fewer slots (⌊UB/π_k⌋) and tighter windows, hinted with that schedule. Between
     * them the first phase's schedule is polished on its own VMs (a small model, so the second phase
     * starts from the best schedule of that fleet and mostly has to prove).
     */
    @Override
    public SolveReport<WorkflowSolution> solve(WorkflowInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        long limitNanos = options.timeLimit().toNanos();
        WorkflowOfflineData data = WorkflowOfflineData.of(instance, config.maxSlotsPerType());
        WorkflowLowerBound.Breakdown combinatorial = WorkflowLowerBound.compute(instance);
        long size = modelSize(data);
        if (size > MAX_MODEL_PAIRS) {
            return skipped(instance, data, combinatorial, size, options, started);
        }
        Phase first = phase(data, options, started, (long) (limitNanos * FIRST_PHASE_SHARE),
                FIRST_PHASE_WORK * limitNanos / 60e9);
        Phase last = first;
        if (first.outcome.status() == SolveStatus.FEASIBLE || first.outcome.status() == SolveStatus.UNKNOWN) {
            // Without a first-phase schedule (large capped instances) the second phase gets the same slots.
            WorkflowSolution incumbent = first.solution;
            if (incumbent != null) {
                // The fleets of the first phase's schedule and of the best policy (they often differ, and a
                // tight packing may exist on one only), each polished in half the share when they differ.
                WorkflowOfflineData own = WorkflowOfflineData.of(instance, config.maxSlotsPerType(), incumbent);
                boolean twoFleets = data.incumbent != null && !sameFleet(own, data);
                WorkflowSolution polished = polish(own, options, started,
                        (long) (limitNanos * (FIRST_PHASE_SHARE + (twoFleets ? POLISH_SHARE / 2 : POLISH_SHARE))));
                incumbent = cheapest(instance, incumbent, polished);
                if (twoFleets) {
                    polished = polish(data, options, started, (long) (limitNanos * (FIRST_PHASE_SHARE + POLISH_SHARE)));
                    incumbent = cheapest(instance, incumbent, polished);
                }
            }
            WorkflowOfflineData tighter = incumbent == null ? data
                    : WorkflowOfflineData.of(instance, config.maxSlotsPerType(), incumbent);
            Phase second = phase(tighter, options, started, limitNanos, null);
            if (second.outcome.status().hasSolution() || second.outcome.bound() != null) {
                last = second;
            }
        }
        return report(instance, first, last, combinatorial, size, started);
    }

    /**
     * The report without CP-SAT: the cheapest verified incumbent candidate and the combinatorial
     * bound (OPTIMAL when they meet within {@link #gapTolerance}).
     */
    private SolveReport<WorkflowSolution> skipped(WorkflowInstance instance, WorkflowOfflineData data,
                                                  WorkflowLowerBound.Breakdown combinatorial, long size,
                                                  SolveOptions options, long started) {
        LOG.info("cpsat on {}: model skipped, {} tasks x {} slots = {} task-slot pairs > cap {}; reporting the best"
                + " policy or list schedule and the combinatorial bound", instance.name(), data.taskCount,
                data.slotCount(), size, MAX_MODEL_PAIRS);
        WorkflowSolution candidate = verifiedIncumbent(instance, data);
        WorkflowSolution solution = candidate == null ? null : offline(candidate);
        double bound = combinatorial.boundUsd();
        Double objective = solution == null ? null : WorkflowEvaluator.objective(instance, solution);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("backend", "none");
        stats.put("modelSkipped", true);
        stats.put("estimatedModelSize", size);
        stats.put("modelSizeCap", MAX_MODEL_PAIRS);
        stats.put("slotsPerType", java.util.Arrays.toString(data.slotsPerType));
        stats.put("incumbentPolicy", candidate == null ? null : candidate.policy());
        stats.put("incumbentUsd", objective);
        stats.put("costFloorUsd", combinatorial.floorUsd());
        stats.put("combinatorialBound", bound);
        stats.put("boundSource", "combinatorial");
        SolveStatus status = SolveStatus.UNKNOWN;
        if (objective != null) {
            status = objective - bound <= gapTolerance(objective) ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        }
        java.time.Duration wall = java.time.Duration.ofNanos(System.nanoTime() - started);
        Termination termination = wall.compareTo(options.timeLimit()) >= 0 ? Termination.TIME_LIMIT
                : Termination.CONVERGED;
        return new SolveReport<>(status, termination, solution, objective, bound, wall, stats);
    }

    /**
     * The offline data's incumbent if the verifier accepts it (as this solver's offline schedule); else
     * the cheapest verified one among the list schedules and the policies' runs (null if none).
     */
    private static WorkflowSolution verifiedIncumbent(WorkflowInstance instance, WorkflowOfflineData data) {
        if (WorkflowVerifier.verify(instance, offline(data.incumbent)).isEmpty()) {
            return data.incumbent;
        }
        LOG.warn("cpsat on {}: the incumbent of {} fails verification; trying the other candidates",
                instance.name(), data.incumbentPolicy);
        List<WorkflowSolution> candidates = new ArrayList<>(WorkflowListSchedules.all(instance));
        for (String name : WorkflowPolicies.NAMES) {
            WorkflowSimulator simulator = new WorkflowSimulator(instance);
            simulator.run(WorkflowPolicies.create(name));
            candidates.add(simulator.solution(name));
        }
        WorkflowSolution best = null;
        double bestUsd = Double.POSITIVE_INFINITY;
        for (WorkflowSolution candidate : candidates) {
            double total = WorkflowEvaluator.objective(instance, candidate);
            if (total < bestUsd && WorkflowVerifier.verify(instance, offline(candidate)).isEmpty()) {
                best = candidate;
                bestUsd = total;
            }
        }
        return best;
    }

    private static WorkflowSolution offline(WorkflowSolution schedule) {
        return new WorkflowSolution(WorkflowSolution.OFFLINE, "cpsat", schedule.vms(), schedule.assignments());
    }

    /**
     * Deterministic-time budgets (CP-SAT work units, about seconds on an idle core) of the first
     * phase and of each polish for a 60 s limit (scaled with the limit): with them, not the wall
     * clock, ending these steps, the incumbent handed to the second phase does not depend on the
     * machine's load (unless the wall-clock shares run out first).
     */
    static final double FIRST_PHASE_WORK = 4.0;
    static final double POLISH_WORK = 3.0;

    /** CP-SAT on one model under a wall-clock and a deterministic-time limit (as {@link CpSatSupport#solve}). */
    private static CpSatSupport.Outcome solveWithWork(CpModel model, SolveOptions options, long wallNanos,
                                                      double work) {
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(wallNanos / 1e9).setMaxDeterministicTime(work)
                .setNumWorkers(options.threads()).setRandomSeed((int) options.seed())
                .setLogSearchProgress(options.log());
        long begun = System.nanoTime();
        com.google.ortools.sat.CpSolverStatus raw;
        boolean interrupted;
        try (io.cloudopt.solvers.common.Watchdog watchdog = io.cloudopt.solvers.common.Watchdog.start(
                java.time.Duration.ofNanos(wallNanos), solver::stopSearch)) {
            raw = solver.solve(model);
            interrupted = watchdog.fired();
        }
        SolveStatus status = CpSatSupport.status(raw);
        Termination termination = switch (raw) {
            case OPTIMAL, INFEASIBLE -> Termination.CONVERGED;
            case FEASIBLE, UNKNOWN -> interrupted ? Termination.INTERRUPTED : Termination.TIME_LIMIT;
            default -> Termination.ERROR;
        };
        Double objective = status.hasSolution() ? solver.objectiveValue() : null;
        Double bound = status.hasSolution() || raw == com.google.ortools.sat.CpSolverStatus.UNKNOWN
                ? solver.bestObjectiveBound() : null;
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("backend", "CP-SAT");
        stats.put("rawStatus", raw.name());
        stats.put("branches", solver.numBranches());
        stats.put("conflicts", solver.numConflicts());
        return new CpSatSupport.Outcome(solver, status, termination, objective, bound,
                java.time.Duration.ofNanos(System.nanoTime() - begun), stats);
    }

    /** Share of the time limit for polishing the first phase's schedule on its own VMs. */
    static final double POLISH_SHARE = 0.2;

    /**
     * The best schedule on the incumbent's own VM types and counts: the model with every other slot
     * unused (a restriction, so its bound is no bound and is dropped; its schedule is feasible for the
     * full model and only serves as a cheaper incumbent for the second phase). The small model is
     * often solved to optimality in a second or two.
     */
    private static WorkflowSolution polish(WorkflowOfflineData data, SolveOptions options, long started,
                                           long untilNanos) {
        int[] slotOf = data.incumbentSlots();
        boolean[] keep = new boolean[data.slotCount()];
        for (int slot : slotOf) {
            if (slot < 0) {
                return null;
            }
            keep[slot] = true;
        }
        Model built = buildModel(data);
        for (int v = 0; v < data.slotCount(); v++) {
            if (!keep[v]) {
                built.model.addEquality(built.used[v], 0);
            }
        }
        long left = Math.max(untilNanos - (System.nanoTime() - started), options.timeLimit().toNanos() / 20);
        // Quick restarts without the LP find the tight packings of a fixed fleet in about a second on
        // the size-S DAX workflows, where the default single-thread search can stall for a minute;
        // deterministic (the options' threads and seed).
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(left / 1e9).setNumWorkers(options.threads())
                .setRandomSeed((int) options.seed())
                .setSearchBranching(com.google.ortools.sat.SatParameters.SearchBranching
                        .PORTFOLIO_WITH_QUICK_RESTART_SEARCH)
                .setLinearizationLevel(0).setMaxDeterministicTime(POLISH_WORK * options.timeLimit().toNanos() / 60e9);
        com.google.ortools.sat.CpSolverStatus status;
        try (io.cloudopt.solvers.common.Watchdog watchdog = io.cloudopt.solvers.common.Watchdog.start(
                java.time.Duration.ofNanos(left), solver::stopSearch)) {
            status = solver.solve(built.model);
        }
        return CpSatSupport.status(status).hasSolution() ? built.readSolution(solver) : null;
    }

    /** Whether the two incumbents use the same slots. */
    private static boolean sameFleet(WorkflowOfflineData a, WorkflowOfflineData b) {
        if (a.slotCount() != b.slotCount()) {
            return false;
        }
        java.util.BitSet left = new java.util.BitSet();
        java.util.BitSet right = new java.util.BitSet();
        for (int slot : a.incumbentSlots()) {
            left.set(Math.max(0, slot));
        }
        for (int slot : b.incumbentSlots()) {
            right.set(Math.max(0, slot));
        }
        return left.equals(right);
    }

    private record Phase(WorkflowOfflineData data, CpSatSupport.Outcome outcome, WorkflowSolution solution) {
    }

    private static Phase phase(WorkflowOfflineData data, SolveOptions options, long started, long untilNanos,
                               Double work) {
        Model built = buildModel(data);
        long left = Math.max(untilNanos - (System.nanoTime() - started), options.timeLimit().toNanos() / 20);
        CpSatSupport.Outcome outcome = work == null
                ? CpSatSupport.solve(built.model, options.withTime(java.time.Duration.ofNanos(left)))
                : solveWithWork(built.model, options, left, work);
        WorkflowSolution solution = outcome.status().hasSolution() ? built.readSolution(outcome.solver()) : null;
        return new Phase(data, outcome, solution);
    }

    private SolveReport<WorkflowSolution> report(WorkflowInstance instance, Phase first, Phase last,
                                                 WorkflowLowerBound.Breakdown combinatorial, long size, long started) {
        WorkflowOfflineData data = last.data;
        CpSatSupport.Outcome outcome = last.outcome;
        WorkflowSolution solution = cheapest(instance, cheapest(instance, first.solution, last.solution),
                last.data.incumbent);
        if (first.solution == null && last.solution == null) {
            solution = null;
        } else {
            solution = new WorkflowSolution(WorkflowSolution.OFFLINE, "cpsat", solution.vms(), solution.assignments());
        }
        Map<String, Object> stats = new LinkedHashMap<>(outcome.stats());
        stats.put("phases", first == last ? 1 : 2);
        stats.put("ticksPerSecond", TICKS_PER_SECOND);
        stats.put("slots", data.slotCount());
        stats.put("slotsPerType", java.util.Arrays.toString(data.slotsPerType));
        stats.put("certifiedSlotsPerType", java.util.Arrays.toString(data.certifiedSlotsPerType));
        stats.put("incumbentPolicy", first.data.incumbentPolicy);
        stats.put("incumbentUsd", first.data.incumbentUsd);
        stats.put("costFloorUsd", WorkflowEvaluator.costFloor(instance));
        Double modelObjective = outcome.objective() == null ? null : outcome.objective() / UNITS_PER_USD;
        Double modelBound = outcome.bound() == null ? null : outcome.bound() / UNITS_PER_USD;
        stats.put("modelObjectiveUsd", modelObjective);
        Double bound = modelBound;
        if (!data.certified) {
            stats.put("cappedBound", modelBound);
            bound = null;
        }
        stats.put("modelSkipped", false);
        stats.put("estimatedModelSize", size);
        stats.put("modelSizeCap", MAX_MODEL_PAIRS);
        double floorBound = combinatorial.boundUsd();
        stats.put("cpsatBound", bound);
        stats.put("combinatorialBound", floorBound);
        stats.put("boundSource", bound == null || floorBound > bound ? "combinatorial"
                : bound > floorBound ? "cpsat" : "max of both");
        bound = bound == null ? floorBound : Math.max(bound, floorBound);
        SolveStatus status = solution == null ? outcome.status() : outcome.status() == SolveStatus.OPTIMAL
                ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        Double objective = null;
        if (solution != null) {
            objective = WorkflowEvaluator.objective(instance, solution);
            if (modelObjective != null) {
                stats.put("discretisationUsd", objective - modelObjective);
            }
            if (status == SolveStatus.OPTIMAL && (bound == null || objective - bound > gapTolerance(objective))) {
                // Optimal for the tick model only: the exact schedule costs more than the proven bound.
                status = SolveStatus.FEASIBLE;
            } else if (status == SolveStatus.FEASIBLE && bound != null && objective - bound <= gapTolerance(objective)) {
                // Stopped with the certified bound within the tolerance that OPTIMAL allows anyway (a few
                // ticks of lateness the search had not closed): the same verdict as a closed tick model.
                status = SolveStatus.OPTIMAL;
                stats.put("optimalWithinTolerance", true);
            }
        }
        return new SolveReport<>(status, outcome.termination(), solution, objective, bound,
                java.time.Duration.ofNanos(System.nanoTime() - started), stats);
    }

    private static WorkflowSolution cheapest(WorkflowInstance instance, WorkflowSolution a, WorkflowSolution b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return WorkflowEvaluator.objective(instance, b) < WorkflowEvaluator.objective(instance, a) ? b : a;
    }

    /**
     * The gap still called optimal: the rounding of the tick model (below 1e-6 $ per late
     * workflow on DAX data) and float noise.
     */
    static double gapTolerance(double objective) {
        return 1e-5 * Math.max(1.0, Math.abs(objective));
    }

    /** The model's variables, kept for reading a solution. */
    static final class Model {
        final WorkflowOfflineData data;
        final CpModel model;
        /** S_j and C_j in ticks. */
        final IntVar[] start;
        final IntVar[] end;
        /** x_jv, null where task j cannot go on slot v. */
        final BoolVar[][] placedOn;
        /** u_v, L_v (ticks), n_v. */
        final BoolVar[] used;
        final IntVar[] leaseStart;
        final IntVar[] periods;
        /** T_w (ticks) and late_w. */
        final IntVar[] lateness;
        final BoolVar[] late;
        /** Redundant auxiliaries, hinted from the primary hint: F_w, X_w, span_w, area_w, y_wv, some_(v−1),j. */
        final IntVar[] finish;
        final IntVar[] capacity;
        final IntVar[] span;
        final IntVar[] area;
        final BoolVar[][] serves;
        final BoolVar[][] someBefore;
        final List<IntVar> phaseFinish = new ArrayList<>();
        final List<Integer> phaseFinishWorkflow = new ArrayList<>();

        Model(WorkflowOfflineData data, CpModel model, IntVar[] start, IntVar[] end, BoolVar[][] placedOn,
              BoolVar[] used, IntVar[] leaseStart, IntVar[] periods, IntVar[] lateness, BoolVar[] late) {
            this.data = data;
            this.model = model;
            this.start = start;
            this.end = end;
            this.placedOn = placedOn;
            this.used = used;
            this.leaseStart = leaseStart;
            this.periods = periods;
            this.lateness = lateness;
            this.late = late;
            int workflows = lateness.length;
            this.finish = new IntVar[workflows];
            this.capacity = new IntVar[workflows];
            this.span = new IntVar[workflows];
            this.area = new IntVar[workflows];
            this.serves = new BoolVar[workflows][used.length];
            this.someBefore = new BoolVar[used.length][];
        }

        WorkflowSolution readSolution(CpSolver solver) {
            int n = data.taskCount;
            int[] slotOf = new int[n];
            double[] priority = new double[n];
            double[] notBefore = new double[n];
            for (int j = 0; j < n; j++) {
                for (int v = 0; v < data.slotCount(); v++) {
                    if (solver.booleanValue(placedOn[j][v])) {
                        slotOf[j] = v;
                    }
                }
                priority[j] = solver.value(start[j]);
                notBefore[j] = priority[j] / TICKS_PER_SECOND;
            }
            return data.retime(slotOf, priority, notBefore, "cpsat");
        }
    }

    /** Builds the model: data → variables → constraints → objective, plus the incumbent as hint. */
    static Model buildModel(WorkflowOfflineData data) {
        OrTools.load();
        CpModel model = new CpModel();
        int n = data.taskCount;
        int slots = data.slotCount();
        int workflows = data.workflowCount();

        // Data in ticks: floors for durations and releases, ceilings for deadlines and windows' ends.
        long[][] duration = new long[n][data.typeCount];
        long[] release = new long[n];
        long[] latestEnd = new long[n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < data.typeCount; k++) {
                duration[j][k] = floorTicks(data.durationSeconds(j, k));
            }
            release[j] = floorTicks(data.earliestStartSeconds[j]);
            latestEnd[j] = ceilTicks(data.latestFinishSeconds[j]) + 1;
        }
        long horizon = ceilTicks(data.horizonSeconds) + 1;
        long[] deadline = new long[workflows];
        for (int w = 0; w < workflows; w++) {
            deadline[w] = ceilTicks(data.deadlineSeconds[w]);
        }
        long[] periodTicks = new long[data.typeCount];
        long maxPeriods = 1;
        for (int k = 0; k < data.typeCount; k++) {
            periodTicks[k] = Math.round(data.periodSeconds[k] * TICKS_PER_SECOND);
            maxPeriods = Math.max(maxPeriods, horizon / Math.max(1, periodTicks[k]) + 2);
        }

        // Variables: S_j, C_j; x_jv with an optional interval each; u_v, L_v, n_v; T_w, late_w.
        IntVar[] start = new IntVar[n];
        IntVar[] end = new IntVar[n];
        BoolVar[][] placedOn = new BoolVar[n][slots];
        List<List<IntervalVar>> onSlot = new ArrayList<>();
        for (int v = 0; v < slots; v++) {
            onSlot.add(new ArrayList<>());
        }
        for (int j = 0; j < n; j++) {
            String task = data.taskName(j);
            long minDuration = Long.MAX_VALUE;
            for (int k = 0; k < data.typeCount; k++) {
                minDuration = Math.min(minDuration, duration[j][k]);
            }
            start[j] = model.newIntVar(release[j], Math.max(release[j], latestEnd[j] - minDuration), "S_" + task);
            end[j] = model.newIntVar(release[j] + minDuration, Math.max(release[j] + minDuration, latestEnd[j]),
                    "C_" + task);
            for (int v = 0; v < slots; v++) {
                String pair = task + "_" + data.slotName(v);
                placedOn[j][v] = model.newBoolVar("x_" + pair);
                IntervalVar interval = model.newOptionalIntervalVar(start[j],
                        LinearExpr.constant(duration[j][data.slotType[v]]), end[j], placedOn[j][v], "run_" + pair);
                onSlot.get(v).add(interval);
            }
        }
        BoolVar[] used = new BoolVar[slots];
        IntVar[] leaseStart = new IntVar[slots];
        IntVar[] periods = new IntVar[slots];
        for (int v = 0; v < slots; v++) {
            used[v] = model.newBoolVar("u_" + data.slotName(v));
            leaseStart[v] = model.newIntVar(0, horizon, "L_" + data.slotName(v));
            periods[v] = model.newIntVar(0, maxPeriods, "n_" + data.slotName(v));
        }
        IntVar[] lateness = new IntVar[workflows];
        BoolVar[] late = new BoolVar[workflows];
        for (int w = 0; w < workflows; w++) {
            lateness[w] = model.newIntVar(0, Math.max(0, horizon - deadline[w]), "T_w" + w);
            late[w] = model.newBoolVar("late_w" + w);
        }

        Model built = new Model(data, model, start, end, placedOn, used, leaseStart, periods, lateness, late);

        // (C1) Σ_v x_jv = 1   ∀j
        for (int j = 0; j < n; j++) {
            model.addExactlyOne(placedOn[j]).getBuilder().setName("one_slot_" + data.taskName(j));
        }
        // (C2) x_jv ≤ u_v   ∀j, v
        for (int j = 0; j < n; j++) {
            for (int v = 0; v < slots; v++) {
                model.addImplication(placedOn[j][v], used[v]);
            }
        }
        // (C3, C6–C7) one task at a time per slot: NoOverlap of the present intervals   ∀v
        for (int v = 0; v < slots; v++) {
            model.addNoOverlap(onSlot.get(v)).getBuilder().setName("no_overlap_" + data.slotName(v));
        }
        // (C5) S_j ≥ C_i   ∀i ∈ parents(j)
        for (int j = 0; j < n; j++) {
            for (int parent : data.parents[j]) {
                model.addGreaterOrEqual(start[j], end[parent]).getBuilder()
                        .setName("after_" + data.taskName(parent) + "_" + data.taskName(j));
            }
        }
        // (C8–C9) x_jv ⇒ L_v ≤ S_j and C_j ≤ L_v + H_k·K·n_v + 1   ∀j, v
        for (int j = 0; j < n; j++) {
            for (int v = 0; v < slots; v++) {
                String pair = data.taskName(j) + "_" + data.slotName(v);
                Constraint leaseFirst = model.addLessOrEqual(leaseStart[v], start[j]);
                leaseFirst.getBuilder().setName("lease_start_" + pair);
                leaseFirst.onlyEnforceIf(placedOn[j][v]);
                Constraint leaseCovers = model.addLessOrEqual(LinearExpr.newBuilder().add(end[j])
                        .addTerm(leaseStart[v], -1).addTerm(periods[v], -periodTicks[data.slotType[v]]), 1);
                leaseCovers.getBuilder().setName("lease_end_" + pair);
                leaseCovers.onlyEnforceIf(placedOn[j][v]);
            }
        }
        // (C10) u_v ≤ n_v ≤ N̄·u_v   ∀v
        for (int v = 0; v < slots; v++) {
            model.addGreaterOrEqual(periods[v], used[v]);
            model.addLessOrEqual(periods[v], LinearExpr.term(used[v], maxPeriods));
        }
        // (C11) T_w ≥ C_j − ⌈D_w·K⌉   ∀ exit tasks j of w
        for (int j = 0; j < n; j++) {
            if (data.exit[j]) {
                int w = data.workflowOf[j];
                model.addGreaterOrEqual(LinearExpr.newBuilder().add(lateness[w]).addTerm(end[j], -1), -deadline[w])
                        .getBuilder().setName("lateness_" + data.taskName(j));
            }
        }
        // (C12) late_w ⇐ T_w ≥ 1, i.e. ¬late_w ⇒ T_w ≤ 0   ∀w
        for (int w = 0; w < workflows; w++) {
            Constraint onTime = model.addLessOrEqual(lateness[w], 0);
            onTime.getBuilder().setName("on_time_w" + w);
            onTime.onlyEnforceIf(late[w].not());
        }
        // (C13) symmetry within a type: slot i of type k takes task j only if slot i − 1 holds a task
        //       j' < j (slots ordered by their lowest task number): x_{j,(k,i)} ⇒ some_{(k,i−1),j},
        //       some_{v,j} ⇒ some_{v,j−1} ∨ x_{j−1,v}, some_{v,0} = false.
        for (int v = 0; v < slots; v++) {
            if (v == 0 || data.slotType[v - 1] != data.slotType[v]) {
                continue;
            }
            int previous = v - 1;
            BoolVar[] someBefore = new BoolVar[n];
            built.someBefore[v] = someBefore;
            for (int j = 0; j < n; j++) {
                someBefore[j] = model.newBoolVar("some_" + data.slotName(previous) + "_before" + j);
                if (j == 0) {
                    model.addEquality(someBefore[j], 0);
                } else {
                    model.addBoolOr(new Literal[] {someBefore[j - 1], placedOn[j - 1][previous]})
                            .onlyEnforceIf(someBefore[j]);
                }
                model.addImplication(placedOn[j][v], someBefore[j]);
            }
        }
        // (redundant) slot energy: Σ_j ⌊d_jk·K⌋·x_jv ≤ H_k·K·n_v + 1   ∀v
        for (int v = 0; v < slots; v++) {
            int k = data.slotType[v];
            LinearExprBuilder load = LinearExpr.newBuilder();
            for (int j = 0; j < n; j++) {
                load.addTerm(placedOn[j][v], duration[j][k]);
            }
            load.addTerm(periods[v], -periodTicks[k]);
            model.addLessOrEqual(load, 1).getBuilder().setName("energy_" + data.slotName(v));
        }
        // (redundant) rented capacity: W_w ≤ (F_w − ⌊a_w·K⌋ + 1)·X_w with F_w ≥ C_j (j ∈ w) and
        //     X_w = Σ_v c_k·y_wv, y_wv ≥ x_jv: w's work fits in its span on the vCPUs of its slots. W_w is
        //     the work in tick units, Σ_{j∈w} min_k c_k·⌊d_jk·K⌋ over the types that have slots, which every
        //     tick schedule has (⌊p_j·K⌋ can exceed it by up to c_k per task, and a tick schedule may then
        //     miss it).
        for (int w = 0; w < workflows; w++) {
            long arrival = floorTicks(data.arrivalSeconds[w]);
            long maxFinish = arrival;
            long workFloor = 0;
            for (int j = 0; j < n; j++) {
                if (data.workflowOf[j] == w) {
                    maxFinish = Math.max(maxFinish, latestEnd[j]);
                    long least = Long.MAX_VALUE;
                    for (int k = 0; k < data.typeCount; k++) {
                        if (data.slotsPerType[k] > 0) {
                            if (data.slotsPerType[k] > 0) {
                        least = Math.min(least, data.vcpus[k] * duration[j][k]);
                    }
                        }
                    }
                    workFloor += least;
                }
            }
            IntVar finish = model.newIntVar(arrival, Math.max(arrival, maxFinish), "F_w" + w);
            built.finish[w] = finish;
            LinearExprBuilder capacity = LinearExpr.newBuilder();
            long maxCapacity = 0;
            for (int v = 0; v < slots; v++) {
                BoolVar serves = workflows == 1 ? used[v] : model.newBoolVar("y_w" + w + "_" + data.slotName(v));
                built.serves[w][v] = serves;
                for (int j = 0; j < n; j++) {
                    if (data.workflowOf[j] == w) {
                        if (workflows > 1) {
                            model.addImplication(placedOn[j][v], serves);
                        }
                    }
                }
                capacity.addTerm(serves, data.vcpus[data.slotType[v]]);
                maxCapacity += data.vcpus[data.slotType[v]];
            }
            for (int j = 0; j < n; j++) {
                if (data.workflowOf[j] == w) {
                    model.addLessOrEqual(end[j], finish);
                }
            }
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(lateness[w]).addTerm(finish, -1), -deadline[w]);
            IntVar vcpuTotal = model.newIntVar(1, Math.max(1, maxCapacity), "X_w" + w);
            built.capacity[w] = vcpuTotal;
            model.addEquality(vcpuTotal, capacity);
            IntVar span = model.newIntVar(1, Math.max(1, maxFinish - arrival + 1), "span_w" + w);
            built.span[w] = span;
            model.addEquality(LinearExpr.newBuilder().add(span).addTerm(finish, -1), 1 - arrival);
            IntVar area = model.newIntVar(0, Math.max(1, maxFinish - arrival + 1) * Math.max(1, maxCapacity),
                    "area_w" + w);
            built.area[w] = area;
            model.addMultiplicationEquality(area, span, vcpuTotal);
            model.addGreaterOrEqual(area, workFloor).getBuilder().setName("capacity_w" + w);
            // X is a sum of vCPU counts, hence a multiple of g = gcd(c_k). On that lattice the convex
            // W/X lies above the secant through consecutive lattice points X_i < X_(i+1) (no lattice
            // point between them), so span ≥ that secant for every feasible X:
            //     X_i·X_(i+1)·span + W·X ≥ W·(X_i + X_(i+1)).
            // Beyond the first 96 lattice points, tangents (valid for every X): x0²·span + W·X ≥ 2·W·x0.
            long step = latticeStep(data);
            long secantEnd = Math.min(maxCapacity, 96 * step);
            for (long x0 = step; x0 + step <= secantEnd; x0 += step) {
                long x1 = x0 + step;
                model.addGreaterOrEqual(LinearExpr.newBuilder().addTerm(span, x0 * x1).addTerm(vcpuTotal, workFloor),
                        workFloor * (x0 + x1)).getBuilder().setName("secant_w" + w + "_x" + x0);
            }
            for (long x0 = secantEnd; x0 <= Math.min(maxCapacity, 4096); x0 += 16 * step) {
                model.addGreaterOrEqual(LinearExpr.newBuilder().addTerm(span, x0 * x0).addTerm(vcpuTotal, workFloor),
                        2 * workFloor * x0).getBuilder().setName("tangent_w" + w + "_x" + x0);
            }
        }
        // (redundant) duration on the chosen slot: C_j = S_j + Σ_v ⌊d_jk(v)·K⌋·x_jv   ∀j (C3 of the MILP;
        //     the intervals imply it, the linear form gives the LP the critical path)
        for (int j = 0; j < n; j++) {
            LinearExprBuilder length = LinearExpr.newBuilder().add(end[j]).addTerm(start[j], -1);
            for (int v = 0; v < slots; v++) {
                length.addTerm(placedOn[j][v], -duration[j][data.slotType[v]]);
            }
            model.addEquality(length, 0).getBuilder().setName("length_" + data.taskName(j));
        }
        // (redundant) phase loads: the articulation tasks a_1 < … < a_m of w (comparable with every task
        //     of w) cut w into phases; a task of phase i runs inside [C_{a_i}, S_{a_(i+1)}] (ends: ⌊a_w·K⌋
        //     and F_w ≥ C_j), so each slot's load of phase i fits in that window:
        //     Σ_{j∈P_i} ⌊d_jk·K⌋·x_jv ≤ S_{a_(i+1)} − C_{a_i}   ∀w, i, v
        for (int w = 0; w < workflows; w++) {
            addPhaseLoads(built, w, duration, deadline[w]);
        }
        // (redundant) workflow energy: T_w ≥ ⌊a_w·K⌋ + Σ_{j∈w} ⌊d_jk·K⌋·x_jv − ⌈D_w·K⌉   ∀w, v
        for (int w = 0; w < workflows; w++) {
            long arrival = floorTicks(data.arrivalSeconds[w]);
            for (int v = 0; v < slots; v++) {
                LinearExprBuilder load = LinearExpr.newBuilder().addTerm(lateness[w], -1);
                boolean any = false;
                for (int j = 0; j < n; j++) {
                    if (data.workflowOf[j] == w) {
                        load.addTerm(placedOn[j][v], duration[j][data.slotType[v]]);
                        any = true;
                    }
                }
                if (any) {
                    model.addLessOrEqual(load, deadline[w] - arrival).getBuilder()
                            .setName("busy_w" + w + "_" + data.slotName(v));
                }
            }
        }

        // Objective: min Σ_v 18000K·π_k·n_v + Σ_w (18000K·late_w + 5β·T_w)   ($1/(18000K) units)
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int v = 0; v < slots; v++) {
            objective.addTerm(periods[v], units(data.usdPerHour[data.slotType[v]]));
        }
        long lateUnits = units(data.usdPerLateWorkflow);
        long tickUnits = units(data.usdPerLateHour / 3600.0 / TICKS_PER_SECOND);
        for (int w = 0; w < workflows; w++) {
            objective.addTerm(late[w], lateUnits);
            objective.addTerm(lateness[w], tickUnits);
        }
        model.minimize(objective);

        addHint(built, duration, deadline, periodTicks);
        return built;
    }

    /** g = gcd(c_k): every X_w = Σ c_k·y_wv is a multiple of g. */
    static long latticeStep(WorkflowOfflineData data) {
        long step = 0;
        for (int k = 0; k < data.typeCount; k++) {
            step = java.math.BigInteger.valueOf(step).gcd(java.math.BigInteger.valueOf(data.vcpus[k])).longValue();
        }
        return step;
    }

    private static void addPhaseLoads(Model built, int w, long[][] duration, long deadline) {
        CpModel model = built.model;
        WorkflowOfflineData data = built.data;
        IntVar[] start = built.start;
        IntVar[] end = built.end;
        BoolVar[][] placedOn = built.placedOn;
        IntVar lateness = built.lateness[w];
        int[] articulations = data.articulations(w);
        int[] phase = data.phases(w, articulations);
        int phases = articulations.length + 1;
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < phases; i++) {
            members.add(new ArrayList<>());
        }
        long arrival = floorTicks(data.arrivalSeconds[w]);
        long latest = arrival;
        for (int j = 0; j < data.taskCount; j++) {
            if (data.workflowOf[j] == w) {
                latest = Math.max(latest, end[j].getDomain().max());
                if (phase[j] >= 0) {
                    members.get(phase[j]).add(j);
                }
            }
        }
        IntVar finish = null;
        for (int i = 0; i < phases; i++) {
            if (members.get(i).size() < 2) {
                continue;
            }
            LinearExprBuilder window = LinearExpr.newBuilder();
            if (i < articulations.length) {
                window.add(start[articulations[i]]);
            } else {
                if (finish == null) {
                    finish = model.newIntVar(arrival, latest, "phase_finish_w" + w);
                    built.phaseFinish.add(finish);
                    built.phaseFinishWorkflow.add(w);
                    for (int j = 0; j < data.taskCount; j++) {
                        if (data.workflowOf[j] == w) {
                            model.addLessOrEqual(end[j], finish).getBuilder()
                                    .setName("phase_finish_" + data.taskName(j));
                        }
                    }
                    model.addGreaterOrEqual(LinearExpr.newBuilder().add(lateness).addTerm(finish, -1), -deadline)
                            .getBuilder().setName("phase_lateness_w" + w);
                }
                window.add(finish);
            }
            long offset = 0;
            if (i > 0) {
                window.addTerm(end[articulations[i - 1]], -1);
            } else {
                offset = arrival;
            }
            LinearExpr length = window.build();
            // Phase capacity: the phase's tick work W_P = Σ_{j∈P} min_k c_k·⌊d_jk·K⌋ fits in its window
            // on the X_w vCPUs of w's slots, (window)·X_w ≥ W_P, as secants on the lattice of X_w (see
            // the rented-capacity cut): X_i·X_(i+1)·(window) + W_P·X_w ≥ W_P·(X_i + X_(i+1)).
            long phaseWork = 0;
            for (int j : members.get(i)) {
                long least = Long.MAX_VALUE;
                for (int k = 0; k < data.typeCount; k++) {
                    if (data.slotsPerType[k] > 0) {
                        least = Math.min(least, data.vcpus[k] * duration[j][k]);
                    }
                }
                phaseWork += least;
            }
            IntVar capacity = built.capacity[w];
            long step = latticeStep(data);
            long secantEnd = Math.min(capacity.getDomain().max(), 96 * step);
            for (long x0 = step; x0 + step <= secantEnd; x0 += step) {
                long x1 = x0 + step;
                model.addGreaterOrEqual(LinearExpr.newBuilder().addTerm(length, x0 * x1).addTerm(capacity, phaseWork),
                        phaseWork * (x0 + x1) + x0 * x1 * offset).getBuilder()
                        .setName("phase_secant_w" + w + "_p" + i + "_x" + x0);
            }
            for (int v = 0; v < data.slotCount(); v++) {
                // load − window ≤ −offset
                LinearExprBuilder load = LinearExpr.newBuilder().addTerm(length, -1);
                for (int j : members.get(i)) {
                    load.addTerm(placedOn[j][v], duration[j][data.slotType[v]]);
                }
                model.addLessOrEqual(load, -offset).getBuilder()
                        .setName("phase_w" + w + "_p" + i + "_" + data.slotName(v));
            }
        }
    }

    /**
     * The incumbent (best rule-based policy) as a hint: its VMs on slots in lease-start order, its
     * starts floored to ticks and the tick durations; skipped when a VM has no slot under a cap.
     */
    private static void addHint(Model built, long[][] duration, long[] deadline, long[] periodTicks) {
        WorkflowOfflineData data = built.data;
        int[] slotOf = data.incumbentSlots();
        for (int slot : slotOf) {
            if (slot < 0) {
                return;
            }
        }
        double[] starts = data.incumbentStarts();
        int n = data.taskCount;
        int slots = data.slotCount();
        long[] first = new long[slots];
        long[] last = new long[slots];
        java.util.Arrays.fill(first, Long.MAX_VALUE);
        long[] finish = new long[data.workflowCount()];
        CpModel model = built.model;
        // Starts in ticks by a forward pass in the incumbent's order: floored starts alone can break a
        // precedence or a slot's order by a tick (⌊S·K⌋ + ⌊d·K⌋ may exceed ⌊(S + d)·K⌋ in doubles).
        long[] tickStart = new long[n];
        long[] tickEnd = new long[n];
        int[] depth = new int[n];
        for (int j : data.topologicalOrder) {
            for (int parent : data.parents[j]) {
                depth[j] = Math.max(depth[j], depth[parent] + 1);
            }
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingDouble(j -> starts[j])
                .thenComparingInt(j -> depth[j]).thenComparingInt(j -> j));
        long[] slotFree = new long[slots];
        for (int j : order) {
            int v = slotOf[j];
            long begin = Math.max(floorTicks(starts[j]), slotFree[v]);
            for (int parent : data.parents[j]) {
                begin = Math.max(begin, tickEnd[parent]);
            }
            tickStart[j] = begin;
            tickEnd[j] = begin + duration[j][data.slotType[v]];
            slotFree[v] = tickEnd[j];
        }
        for (int j = 0; j < n; j++) {
            int v = slotOf[j];
            long begin = tickStart[j];
            long stop = tickEnd[j];
            model.addHint(built.start[j], begin);
            model.addHint(built.end[j], stop);
            for (int slot = 0; slot < slots; slot++) {
                model.addHint(built.placedOn[j][slot], slot == v ? 1 : 0);
            }
            first[v] = Math.min(first[v], begin);
            last[v] = Math.max(last[v], stop);
            finish[data.workflowOf[j]] = Math.max(finish[data.workflowOf[j]], stop);
        }
        for (int v = 0; v < slots; v++) {
            boolean isUsed = first[v] != Long.MAX_VALUE;
            model.addHint(built.used[v], isUsed ? 1 : 0);
            if (isUsed) {
                long period = periodTicks[data.slotType[v]];
                long count = Math.max(1, (last[v] - first[v] - 1 + period - 1) / period);
                model.addHint(built.leaseStart[v], first[v]);
                model.addHint(built.periods[v], count);
            } else {
                model.addHint(built.periods[v], 0);
            }
        }
        for (int w = 0; w < data.workflowCount(); w++) {
            long over = Math.max(0, finish[w] - deadline[w]);
            model.addHint(built.lateness[w], over);
            model.addHint(built.late[w], over > 0 ? 1 : 0);
        }
        // The auxiliaries at the values the hint implies, so that the hint is a complete solution.
        int workflows = data.workflowCount();
        boolean[][] serves = new boolean[workflows][slots];
        for (int j = 0; j < n; j++) {
            serves[data.workflowOf[j]][slotOf[j]] = true;
        }
        for (int w = 0; w < workflows; w++) {
            if (built.finish[w] == null) {
                continue;
            }
            long arrival = built.finish[w].getDomain().min();
            long capacity = 0;
            for (int v = 0; v < slots; v++) {
                if (serves[w][v]) {
                    capacity += data.vcpus[data.slotType[v]];
                }
                if (built.serves[w][v] != null && built.serves[w][v] != built.used[v]) {
                    model.addHint(built.serves[w][v], serves[w][v] ? 1 : 0);
                }
            }
            long spanTicks = finish[w] - arrival + 1;
            model.addHint(built.finish[w], finish[w]);
            model.addHint(built.capacity[w], capacity);
            model.addHint(built.span[w], spanTicks);
            model.addHint(built.area[w], spanTicks * capacity);
        }
        for (int i = 0; i < built.phaseFinish.size(); i++) {
            model.addHint(built.phaseFinish.get(i), finish[built.phaseFinishWorkflow.get(i)]);
        }
        for (int v = 0; v < slots; v++) {
            BoolVar[] some = built.someBefore[v];
            if (some == null) {
                continue;
            }
            boolean seen = false;
            for (int j = 0; j < n; j++) {
                model.addHint(some[j], seen ? 1 : 0);
                seen |= slotOf[j] == v - 1;
            }
        }
    }

    static long floorTicks(double seconds) {
        return (long) Math.floor(seconds * TICKS_PER_SECOND);
    }

    static long ceilTicks(double seconds) {
        return (long) Math.ceil(seconds * TICKS_PER_SECOND);
    }

    /**
     * A price in objective units, rounded down (a lower price keeps the model a relaxation); a
     * product within 1e-6 of an integer is that integer (0.096·18e6 is 1 728 000, not 1 727 999.99…).
     */
    static long units(double usd) {
        double scaled = usd * UNITS_PER_USD;
        double nearest = Math.rint(scaled);
        return Math.abs(scaled - nearest) < 1e-6 ? (long) nearest : (long) Math.floor(scaled);
    }
}
