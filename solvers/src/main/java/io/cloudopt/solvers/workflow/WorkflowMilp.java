package io.cloudopt.solvers.workflow;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.solvers.common.ModelExporter;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hindsight MILP C1–C13 of problems/workflow.md §7 on SCIP, for tiny instances: continuous
 * time in seconds, pre-typed slots, disjunctive order literals y_ij per unrelated task pair,
 * big-M constants from the time windows of {@link WorkflowOfflineData} (valid for some optimal
 * schedule, argued there), so SCIP's dual bound is reported as {@code bound} whenever every type
 * has its certified number of slots; otherwise it goes to {@code stats.cappedBound}.
 */
public final class WorkflowMilp implements Solver<WorkflowInstance, WorkflowSolution>, ModelExporter<WorkflowInstance> {
    private final MpSolverSupport.Backend backend;

    public WorkflowMilp() {
        this(MpSolverSupport.Backend.SCIP);
    }

    public WorkflowMilp(MpSolverSupport.Backend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return backend == MpSolverSupport.Backend.SCIP ? "milp" : "milp-" + backend.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public SolveReport<WorkflowSolution> solve(WorkflowInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        WorkflowOfflineData data = WorkflowOfflineData.of(instance, null);
        Model built = buildModel(data, MpSolverSupport.create(backend));
        if (backend == MpSolverSupport.Backend.SCIP) {
            // SCIP stops at a 1e-4 relative gap by default; the cross-checks need the optimum.
            built.solver.setSolverSpecificParametersAsString("limits/gap = 0\nlimits/absgap = 1e-9\n");
        }
        try {
            MpSolverSupport.Outcome outcome = MpSolverSupport.solve(built.solver, backend, options, started);
            WorkflowSolution solution = outcome.status().hasSolution() ? built.readSolution() : null;
            Map<String, Object> stats = new LinkedHashMap<>(outcome.stats());
            stats.put("slots", data.slotCount());
            stats.put("incumbentPolicy", data.incumbentPolicy);
            stats.put("incumbentUsd", data.incumbentUsd);
            stats.put("modelObjectiveUsd", outcome.objective());
            Double bound = outcome.bound();
            if (!data.certified) {
                stats.put("cappedBound", bound);
                bound = null;
            }
            SolveStatus status = outcome.status();
            Double objective = null;
            if (solution != null) {
                objective = WorkflowEvaluator.objective(instance, solution);
                if (status == SolveStatus.OPTIMAL
                        && (bound == null || objective - bound > WorkflowCpSat.gapTolerance(objective))) {
                    status = SolveStatus.FEASIBLE;
                }
            }
            return new SolveReport<>(status, outcome.termination(), solution, objective, bound, outcome.wall(), stats);
        } finally {
            MpSolverSupport.release(built.solver);
        }
    }

    @Override
    public void exportModel(WorkflowInstance instance, SolveOptions options, Path file) {
        Model built = buildModel(WorkflowOfflineData.of(instance, null), MpSolverSupport.create(backend));
        MpSolverSupport.export(built.solver, file);
        MpSolverSupport.release(built.solver);
    }

    /** The model's variables, kept for reading a solution. */
    static final class Model {
        final WorkflowOfflineData data;
        final MPSolver solver;
        /** x_jv. */
        final MPVariable[][] placedOn;
        /** S_j. */
        final MPVariable[] start;

        Model(WorkflowOfflineData data, MPSolver solver, MPVariable[][] placedOn, MPVariable[] start) {
            this.data = data;
            this.solver = solver;
            this.placedOn = placedOn;
            this.start = start;
        }

        WorkflowSolution readSolution() {
            int n = data.taskCount;
            int[] slotOf = new int[n];
            double[] priority = new double[n];
            for (int j = 0; j < n; j++) {
                double best = -1;
                for (int v = 0; v < data.slotCount(); v++) {
                    if (placedOn[j][v].solutionValue() > best) {
                        best = placedOn[j][v].solutionValue();
                        slotOf[j] = v;
                    }
                }
                priority[j] = start[j].solutionValue();
            }
            return data.retime(slotOf, priority, priority, "milp");
        }
    }

    /** Builds C1–C13: data → variables → constraints → objective. */
    static Model buildModel(WorkflowOfflineData data, MPSolver solver) {
        int n = data.taskCount;
        int slots = data.slotCount();
        int workflows = data.workflowCount();
        boolean[][] related = ancestorRelated(data);
        double horizon = data.horizonSeconds;
        double maxPeriods = 1;
        for (int k = 0; k < data.typeCount; k++) {
            maxPeriods = Math.max(maxPeriods, Math.ceil(horizon / data.periodSeconds[k]) + 1);
        }

        // Variables. Branch on n_v and u_v first (priorities are not exposed by MPSolver; SCIP's
        // default prefers the general integers). S_j, C_j carry the windows of WorkflowOfflineData.
        MPVariable[][] placedOn = new MPVariable[n][slots];
        MPVariable[] start = new MPVariable[n];
        MPVariable[] end = new MPVariable[n];
        for (int j = 0; j < n; j++) {
            String task = data.taskName(j);
            start[j] = solver.makeNumVar(data.earliestStartSeconds[j], data.latestFinishSeconds[j], "S_" + task);
            end[j] = solver.makeNumVar(data.earliestStartSeconds[j], data.latestFinishSeconds[j], "C_" + task);
            for (int v = 0; v < slots; v++) {
                placedOn[j][v] = solver.makeBoolVar("x_" + task + "_" + data.slotName(v));
            }
        }
        MPVariable[] used = new MPVariable[slots];
        MPVariable[] leaseStart = new MPVariable[slots];
        MPVariable[] periods = new MPVariable[slots];
        for (int v = 0; v < slots; v++) {
            used[v] = solver.makeBoolVar("u_" + data.slotName(v));
            leaseStart[v] = solver.makeNumVar(0, horizon, "L_" + data.slotName(v));
            periods[v] = solver.makeIntVar(0, maxPeriods, "n_" + data.slotName(v));
        }
        MPVariable[] lateness = new MPVariable[workflows];
        MPVariable[] late = new MPVariable[workflows];
        for (int w = 0; w < workflows; w++) {
            lateness[w] = solver.makeNumVar(0, data.maxLatenessSeconds, "T_w" + w);
            late[w] = solver.makeBoolVar("z_w" + w);
        }

        // (C1) Σ_v x_jv = 1   ∀j
        for (int j = 0; j < n; j++) {
            MPConstraint once = solver.makeConstraint(1, 1, "c1_" + data.taskName(j));
            for (int v = 0; v < slots; v++) {
                once.setCoefficient(placedOn[j][v], 1);
            }
        }
        // (C2) x_jv ≤ u_v   ∀j, v
        for (int j = 0; j < n; j++) {
            for (int v = 0; v < slots; v++) {
                MPConstraint opens = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0,
                        "c2_" + data.taskName(j) + "_" + data.slotName(v));
                opens.setCoefficient(placedOn[j][v], 1);
                opens.setCoefficient(used[v], -1);
            }
        }
        // (C3) C_j = S_j + Σ_v d_jv·x_jv   ∀j   (C4, S_j ≥ a_w, is in the window ES_j ≥ a_w)
        for (int j = 0; j < n; j++) {
            MPConstraint duration = solver.makeConstraint(0, 0, "c3_" + data.taskName(j));
            duration.setCoefficient(end[j], 1);
            duration.setCoefficient(start[j], -1);
            for (int v = 0; v < slots; v++) {
                duration.setCoefficient(placedOn[j][v], -data.durationSeconds(j, data.slotType[v]));
            }
        }
        // (C5) S_j ≥ C_i   ∀i ∈ parents(j)
        for (int j = 0; j < n; j++) {
            for (int parent : data.parents[j]) {
                MPConstraint after = solver.makeConstraint(0, Double.POSITIVE_INFINITY,
                        "c5_" + data.taskName(parent) + "_" + data.taskName(j));
                after.setCoefficient(start[j], 1);
                after.setCoefficient(end[parent], -1);
            }
        }
        // (C6) S_j ≥ C_i − M_ij(3 − y_ij − x_iv − x_jv);  (C7) S_i ≥ C_j − M_ij(2 + y_ij − x_iv − x_jv)
        //      ∀ i < j not ancestor-related, ∀v. M_ij = max(LF_i − ES_j, LF_j − ES_i): C_i ≤ LF_i and
        //      S_j ≥ ES_j hold in the optimal schedule the windows keep, so a relaxed row is slack.
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (related[i][j]) {
                    continue;
                }
                double bigM = Math.max(0, Math.max(data.latestFinishSeconds[i] - data.earliestStartSeconds[j],
                        data.latestFinishSeconds[j] - data.earliestStartSeconds[i]));
                String pair = data.taskName(i) + "_" + data.taskName(j);
                MPVariable before = solver.makeBoolVar("y_" + pair);
                for (int v = 0; v < slots; v++) {
                    String at = pair + "_" + data.slotName(v);
                    // S_j − C_i − M·y − M·x_iv − M·x_jv ≥ −3M
                    MPConstraint first = solver.makeConstraint(-3 * bigM, Double.POSITIVE_INFINITY, "c6_" + at);
                    first.setCoefficient(start[j], 1);
                    first.setCoefficient(end[i], -1);
                    first.setCoefficient(before, -bigM);
                    first.setCoefficient(placedOn[i][v], -bigM);
                    first.setCoefficient(placedOn[j][v], -bigM);
                    // S_i − C_j + M·y − M·x_iv − M·x_jv ≥ −2M
                    MPConstraint second = solver.makeConstraint(-2 * bigM, Double.POSITIVE_INFINITY, "c7_" + at);
                    second.setCoefficient(start[i], 1);
                    second.setCoefficient(end[j], -1);
                    second.setCoefficient(before, bigM);
                    second.setCoefficient(placedOn[i][v], -bigM);
                    second.setCoefficient(placedOn[j][v], -bigM);
                }
            }
        }
        // (C8) L_v ≤ S_j + M(1 − x_jv), M = horizon − ES_j (L_v ≤ horizon, S_j ≥ ES_j)   ∀j, v
        // (C9) C_j ≤ L_v + H·n_v + 1e-5 + M(1 − x_jv), M = LF_j (C_j ≤ LF_j, L_v, n_v ≥ 0)   ∀j, v
        for (int j = 0; j < n; j++) {
            double leaseM = horizon - data.earliestStartSeconds[j];
            double coverM = data.latestFinishSeconds[j];
            for (int v = 0; v < slots; v++) {
                String at = data.taskName(j) + "_" + data.slotName(v);
                MPConstraint first = solver.makeConstraint(Double.NEGATIVE_INFINITY, leaseM, "c8_" + at);
                first.setCoefficient(leaseStart[v], 1);
                first.setCoefficient(start[j], -1);
                first.setCoefficient(placedOn[j][v], leaseM);
                MPConstraint covers = solver.makeConstraint(Double.NEGATIVE_INFINITY,
                        WorkflowOfflineData.LEASE_TOLERANCE_SECONDS + coverM, "c9_" + at);
                covers.setCoefficient(end[j], 1);
                covers.setCoefficient(leaseStart[v], -1);
                covers.setCoefficient(periods[v], -data.periodSeconds[data.slotType[v]]);
                covers.setCoefficient(placedOn[j][v], coverM);
            }
        }
        // (C10) u_v ≤ n_v ≤ N̄·u_v, N̄ = ⌈horizon/H⌉ + 1 (a lease covers at most the horizon)   ∀v
        for (int v = 0; v < slots; v++) {
            MPConstraint atLeast = solver.makeConstraint(0, Double.POSITIVE_INFINITY, "c10a_" + data.slotName(v));
            atLeast.setCoefficient(periods[v], 1);
            atLeast.setCoefficient(used[v], -1);
            MPConstraint atMost = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "c10b_" + data.slotName(v));
            atMost.setCoefficient(periods[v], 1);
            atMost.setCoefficient(used[v], -maxPeriods);
        }
        // (C11) T_w ≥ C_j − D_w   ∀ exit tasks j of w
        for (int j = 0; j < n; j++) {
            if (data.exit[j]) {
                int w = data.workflowOf[j];
                MPConstraint over = solver.makeConstraint(-data.deadlineSeconds[w], Double.POSITIVE_INFINITY,
                        "c11_" + data.taskName(j));
                over.setCoefficient(lateness[w], 1);
                over.setCoefficient(end[j], -1);
            }
        }
        // (C12) T_w ≤ M_w·z_w + 5e-6, M_w = the largest lateness an optimal schedule can have
        //       ((UB − 1)·3600/β, WorkflowOfflineData (b))   ∀w
        for (int w = 0; w < workflows; w++) {
            MPConstraint onTime = solver.makeConstraint(Double.NEGATIVE_INFINITY,
                    WorkflowOfflineData.ON_TIME_TOLERANCE_SECONDS, "c12_w" + w);
            onTime.setCoefficient(lateness[w], 1);
            onTime.setCoefficient(late[w], -Math.min(data.maxLatenessSeconds, horizon));
        }
        // (C13) within a type: u_v ≥ u_{v+1}, L_v ≤ L_{v+1}
        for (int v = 0; v + 1 < slots; v++) {
            if (data.slotType[v] == data.slotType[v + 1]) {
                MPConstraint usedFirst = solver.makeConstraint(0, Double.POSITIVE_INFINITY, "c13a_" + data.slotName(v));
                usedFirst.setCoefficient(used[v], 1);
                usedFirst.setCoefficient(used[v + 1], -1);
                MPConstraint startsFirst = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0,
                        "c13b_" + data.slotName(v));
                startsFirst.setCoefficient(leaseStart[v], 1);
                startsFirst.setCoefficient(leaseStart[v + 1], -1);
            }
        }

        // Objective: min Σ_v π_k(v)·n_v + Σ_w (z_w·penalty + β·T_w/3600)
        MPObjective objective = solver.objective();
        for (int v = 0; v < slots; v++) {
            objective.setCoefficient(periods[v], data.usdPerHour[data.slotType[v]]);
        }
        for (int w = 0; w < workflows; w++) {
            objective.setCoefficient(late[w], data.usdPerLateWorkflow);
            objective.setCoefficient(lateness[w], data.usdPerLateHour / 3600);
        }
        objective.setMinimization();
        return new Model(data, solver, placedOn, start);
    }

    /** related[i][j]: i is an ancestor of j or j of i (same workflow); no order literal is needed. */
    static boolean[][] ancestorRelated(WorkflowOfflineData data) {
        int n = data.taskCount;
        boolean[][] ancestor = new boolean[n][n];
        for (int j : data.topologicalOrder) {
            for (int parent : data.parents[j]) {
                ancestor[parent][j] = true;
                for (int i = 0; i < n; i++) {
                    if (ancestor[i][parent]) {
                        ancestor[i][j] = true;
                    }
                }
            }
        }
        boolean[][] related = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                related[i][j] = ancestor[i][j] || ancestor[j][i];
            }
        }
        return related;
    }
}
