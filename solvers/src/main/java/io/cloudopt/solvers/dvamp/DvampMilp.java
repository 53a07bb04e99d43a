package io.cloudopt.solvers.dvamp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.solvers.common.ModelExporter;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline MILP of problems/dvamp.md §7 (C1–C8) on MPSolver, in half-units, with the listed
 * tightenings: start domains from π and the incumbent U (C2), C7 fixing (p = 0 when l cannot have
 * ended by st_j; pairs that surely ended drop out), C8 by fixing. The per-resource w^d_{ljik} of
 * the spec is written as dem_l^d·v_{ljik} with one v ≥ x_{lik} − p_{lj} per node (the same
 * feasible set, half the variables). Under {@code vmagent} starts are the arrivals, so which
 * earlier VMs run at st_j is known and C4–C5 vanish; prefix binaries z_j are maximised.
 */
public final class DvampMilp implements Solver<DvampInstance, DvampSolution>, ModelExporter<DvampInstance> {
    private final MpSolverSupport.Backend backend;

    public DvampMilp(MpSolverSupport.Backend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return backend == MpSolverSupport.Backend.SCIP ? "milp" : "milp-" + backend.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public SolveReport<DvampSolution> solve(DvampInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        DvampOfflineData data = DvampOfflineData.of(instance);
        Model built = buildModel(data, MpSolverSupport.create(backend));
        MpSolverSupport.Outcome outcome = MpSolverSupport.solve(built.solver, backend, options, started);
        DvampSolution solution = outcome.status().hasSolution() ? built.readSolution() : null;
        Map<String, Object> stats = new LinkedHashMap<>(outcome.stats());
        stats.put("incumbentPolicy", data.incumbent.policy());
        if (data.spane) {
            stats.put("incumbentTotalWaitSeconds", data.upperBoundSeconds());
            stats.put("poolLowerBoundSeconds", data.poolLowerBoundSeconds);
        }
        MpSolverSupport.release(built.solver);
        return new SolveReport<>(outcome.status(), outcome.termination(), solution, outcome.objective(),
                outcome.bound(), outcome.wall(), stats);
    }

    @Override
    public void exportModel(DvampInstance instance, SolveOptions options, Path file) {
        Model built = buildModel(DvampOfflineData.of(instance), MpSolverSupport.create(backend));
        MpSolverSupport.export(built.solver, file);
        MpSolverSupport.release(built.solver);
    }

    /** The model's variables, kept for reading a solution. */
    static final class Model {
        final DvampOfflineData data;
        final MPSolver solver;
        /** st_j. */
        final MPVariable[] startSeconds;
        /** x_{jik} or y_{ji}, aligned with {@code data.slots[j]}. */
        final MPVariable[][] placedOn;
        /** z_j under vmagent; null under spane. */
        final MPVariable[] placed;

        private Model(DvampOfflineData data, MPSolver solver, MPVariable[] startSeconds, MPVariable[][] placedOn,
                      MPVariable[] placed) {
            this.data = data;
            this.solver = solver;
            this.startSeconds = startSeconds;
            this.placedOn = placedOn;
            this.placed = placed;
        }

        private int action(int j) {
            for (int s = 0; s < placedOn[j].length; s++) {
                if (placedOn[j][s].solutionValue() > 0.5) {
                    return data.slots[j][s];
                }
            }
            return -1;
        }

        DvampSolution readSolution() {
            int n = data.count;
            if (data.spane) {
                int[] actions = new int[n];
                long[] starts = new long[n];
                for (int j = 0; j < n; j++) {
                    actions[j] = action(j);
                    starts[j] = Math.round(startSeconds[j].solutionValue());
                }
                return data.spaneSolution(actions, starts);
            }
            List<Integer> prefix = new ArrayList<>();
            for (int j = 0; j < n && placed[j].solutionValue() > 0.5; j++) {
                prefix.add(action(j));
            }
            return data.vmagentSolution(prefix.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The incumbent as a complete start solution, collected while the variables are made. */
    private static final class Hint {
        final List<MPVariable> variables = new ArrayList<>();
        final List<Double> values = new ArrayList<>();

        void put(MPVariable variable, double value) {
            variables.add(variable);
            values.add(value);
        }

        void applyTo(MPSolver solver) {
            solver.setHint(variables.toArray(new MPVariable[0]), values.stream().mapToDouble(Double::doubleValue)
                    .toArray());
        }
    }

    /** Builds the MILP into {@code solver}: data → variables → constraints → objective. */
    static Model buildModel(DvampOfflineData data, MPSolver solver) {
        int n = data.count;

        // Variables: st_j (C2 as bounds), x_{jik} / y_{ji} over the C8-allowed slots, z_j (vmagent).
        MPVariable[] startSeconds = new MPVariable[n];
        MPVariable[][] placedOn = new MPVariable[n][];
        MPVariable[] placed = data.spane ? null : new MPVariable[n];
        for (int j = 0; j < n; j++) {
            // (C2) max(at_j, clock, π_j) ≤ st_j ≤ π_j + U − LB_pool (and ≤ the next VM's bound)
            startSeconds[j] = solver.makeIntVar(data.earliestStartSeconds[j], data.latestStartSeconds[j], "st_vm" + j);
            placedOn[j] = new MPVariable[data.slots[j].length];
            for (int s = 0; s < placedOn[j].length; s++) {
                placedOn[j][s] = solver.makeBoolVar(data.slotName(j, data.slots[j][s]));
            }
            if (placed != null) {
                placed[j] = solver.makeBoolVar("z_vm" + j);
            }
        }

        // (C1) Σ_{i,k} x_{jik} = 1 (single), Σ_i y_{ji} = 1 (double); = z_j under vmagent   ∀j
        for (int j = 0; j < n; j++) {
            MPConstraint one = solver.makeConstraint(placed == null ? 1 : 0, placed == null ? 1 : 0,
                    "one_slot_vm" + j);
            for (MPVariable slot : placedOn[j]) {
                one.setCoefficient(slot, 1);
            }
            if (placed != null) {
                one.setCoefficient(placed[j], -1);
            }
        }
        // (C3) st_j ≤ st_{j+1} (FIFO);  z_{j+1} ≤ z_j (placed prefix, vmagent)   ∀j < n−1
        for (int j = 0; j + 1 < n; j++) {
            MPConstraint order = solver.makeConstraint(-MPSolver.infinity(), 0, (placed == null ? "fifo_vm" : "prefix_vm")
                    + j);
            MPVariable[] vars = placed == null ? startSeconds : placed;
            order.setCoefficient(placed == null ? vars[j] : vars[j + 1], 1);
            order.setCoefficient(placed == null ? vars[j + 1] : vars[j], -1);
        }
        Hint hint = new Hint();
        if (data.spane) {
            addSpaneCapacity(solver, data, startSeconds, placedOn, hint);
        } else {
            addVmagentCapacity(solver, data, placedOn);
        }

        // Objective: min Σ_j st_j − Σ_j at_j (spane);  max Σ_j z_j (vmagent).
        MPObjective objective = solver.objective();
        if (placed == null) {
            double arrivals = 0;
            for (int j = 0; j < n; j++) {
                objective.setCoefficient(startSeconds[j], 1);
                arrivals += data.arrivalSeconds[j];
            }
            objective.setOffset(-arrivals);
            objective.setMinimization();
        } else {
            for (MPVariable z : placed) {
                objective.setCoefficient(z, 1);
            }
            objective.setMaximization();
        }
        addHint(data, startSeconds, placedOn, placed, hint);
        hint.applyTo(solver);
        return new Model(data, solver, startSeconds, placedOn, placed);
    }

    /** The incumbent's starts and slots (its p, q and v values are added where those are made). */
    private static void addHint(DvampOfflineData data, MPVariable[] startSeconds, MPVariable[][] placedOn,
                                MPVariable[] placed, Hint hint) {
        int[] actions = data.hintActions;
        long[] starts = data.incumbent.run().startSeconds();
        for (int j = 0; j < data.count; j++) {
            boolean inRun = j < actions.length;
            if (inRun && data.spane) {
                hint.put(startSeconds[j], starts[j]);
            }
            for (int s = 0; s < placedOn[j].length; s++) {
                hint.put(placedOn[j][s], inRun && data.slots[j][s] == actions[j] ? 1.0 : 0.0);
            }
            if (placed != null) {
                hint.put(placed[j], inRun ? 1.0 : 0.0);
            }
        }
    }

    /** C4–C7 and the initial VMs' loads (window start) under spane. */
    private static void addSpaneCapacity(MPSolver solver, DvampOfflineData data, MPVariable[] startSeconds,
                                         MPVariable[][] placedOn, Hint hint) {
        long[] hintStarts = data.incumbent.run().startSeconds();
        int n = data.count;
        int nodes = data.nodeCount;
        // capacityRows[j][node][d]: C6 for VM j on node (i,k), resource d (null when j cannot use the node).
        MPConstraint[][][] capacityRows = new MPConstraint[n][nodes][];
        for (int j = 0; j < n; j++) {
            for (int s = 0; s < data.slots[j].length; s++) {
                for (int node = 0; node < nodes; node++) {
                    if (!data.uses(j, data.slots[j][s], node)) {
                        continue;
                    }
                    // (C6) u^d_{jik} + Σ_{l<j} dem_l^d·v_{ljik} + initial loads ≤ Q^d   ∀j, i, k, d
                    capacityRows[j][node] = new MPConstraint[2];
                    for (int d = 0; d < 2; d++) {
                        MPConstraint row = solver.makeConstraint(-MPSolver.infinity(), data.capacityHalf[d],
                                "cap" + (d == DvampOfflineData.CPU ? "cpu" : "mem") + "_vm" + j + "_pm" + (node >> 1)
                                        + "_numa" + (node & 1));
                        row.setCoefficient(placedOn[j][s], data.demandHalf[d][j]);
                        capacityRows[j][node][d] = row;
                    }
                }
            }
        }
        for (int j = 1; j < n; j++) {
            for (int l = 0; l < j; l++) {
                long latestEnd = data.latestStartSeconds[l] + data.lifetimeSeconds[l];
                long earliestEnd = data.earliestStartSeconds[l] + data.lifetimeSeconds[l];
                if (latestEnd <= data.earliestStartSeconds[j]) {
                    continue;
                }
                MPVariable ended = null;
                if (earliestEnd <= data.latestStartSeconds[j]) {
                    ended = solver.makeBoolVar("p_vm" + l + "_vm" + j);
                    hint.put(ended, hintStarts[l] + data.lifetimeSeconds[l] <= hintStarts[j] ? 1.0 : 0.0);
                    // (C4) st_l + lt_l − st_j ≤ M_{lj}(1 − p_{lj}),  M_{lj} = latest end of l − earliest st_j
                    long bigM = latestEnd - data.earliestStartSeconds[j];
                    MPConstraint link = solver.makeConstraint(-MPSolver.infinity(),
                            bigM - data.lifetimeSeconds[l], "ended_vm" + l + "_vm" + j);
                    link.setCoefficient(startSeconds[l], 1);
                    link.setCoefficient(startSeconds[j], -1);
                    link.setCoefficient(ended, bigM);
                }
                // (C7) otherwise p_{lj} = 0: l still runs at st_j and its load counts in full.
                addEarlierLoad(solver, data, placedOn, capacityRows, l, j, ended, hint);
            }
        }
        for (int j = 0; j < n; j++) {
            for (int g = 0; g < data.initialEndSeconds.length; g++) {
                long end = data.initialEndSeconds[g];
                if (end <= data.earliestStartSeconds[j]) {
                    continue;
                }
                MPVariable ended = null;
                if (end <= data.latestStartSeconds[j]) {
                    ended = solver.makeBoolVar("q_initial" + g + "_vm" + j);
                    hint.put(ended, end <= hintStarts[j] ? 1.0 : 0.0);
                    // (C4, initial VM) end_g − st_j ≤ M(1 − q_{gj}),  M = end_g − earliest st_j
                    long bigM = end - data.earliestStartSeconds[j];
                    MPConstraint link = solver.makeConstraint(-MPSolver.infinity(), bigM - end,
                            "ended_initial" + g + "_vm" + j);
                    link.setCoefficient(startSeconds[j], -1);
                    link.setCoefficient(ended, bigM);
                }
                for (int node = 0; node < nodes; node++) {
                    if (capacityRows[j][node] == null || !data.initialUses(g, node)) {
                        continue;
                    }
                    for (int d = 0; d < 2; d++) {
                        // C6 constant dem_g^d, or dem_g^d·(1 − q_{gj}) when g may have ended.
                        MPConstraint row = capacityRows[j][node][d];
                        long demand = data.initialDemandHalf[d][g];
                        row.setBounds(-MPSolver.infinity(), row.ub() - demand);
                        if (ended != null) {
                            row.setCoefficient(ended, -demand);
                        }
                    }
                }
            }
        }
    }

    /** Adds VM l's load to VM j's C6 rows; with {@code ended} p_{lj} through v_{ljik} ≥ x_{lik} − p_{lj} (C5). */
    private static void addEarlierLoad(MPSolver solver, DvampOfflineData data, MPVariable[][] placedOn,
                                       MPConstraint[][][] capacityRows, int l, int j, MPVariable ended,
                                       Hint hint) {
        long[] hintStarts = data.incumbent.run().startSeconds();
        boolean hintEnded = hintStarts[l] + data.lifetimeSeconds[l] <= hintStarts[j];
        for (int s = 0; s < data.slots[l].length; s++) {
            int action = data.slots[l][s];
            for (int node = 0; node < data.nodeCount; node++) {
                if (capacityRows[j][node] == null || !data.uses(l, action, node)) {
                    continue;
                }
                MPVariable load = placedOn[l][s];
                if (ended != null) {
                    // (C5) v_{ljik} ≥ x_{lik} − p_{lj}, v ≥ 0;  w^d_{ljik} = dem_l^d·v_{ljik}
                    load = solver.makeNumVar(0, 1, "v_vm" + l + "_vm" + j + "_pm" + (node >> 1) + "_numa"
                            + (node & 1));
                    MPConstraint still = solver.makeConstraint(-MPSolver.infinity(), 0, "running_vm" + l + "_vm"
                            + j + "_pm" + (node >> 1) + "_numa" + (node & 1));
                    still.setCoefficient(placedOn[l][s], 1);
                    still.setCoefficient(ended, -1);
                    still.setCoefficient(load, -1);
                    hint.put(load, action == data.hintActions[l] && !hintEnded ? 1.0 : 0.0);
                }
                for (int d = 0; d < 2; d++) {
                    capacityRows[j][node][d].setCoefficient(load, data.demandHalf[d][l]);
                }
            }
        }
    }

    /**
     * Under vmagent every start is the arrival: for each VM j and node (i,k) it may use,
     * (C6) dem_j^d·x_{jik} + Σ_{l<j running at at_j} dem_l^d·x_{lik} ≤ Q^d   ∀j, i, k, d.
     */
    private static void addVmagentCapacity(MPSolver solver, DvampOfflineData data, MPVariable[][] placedOn) {
        int n = data.count;
        for (int j = 0; j < n; j++) {
            for (int node = 0; node < data.nodeCount; node++) {
                int own = -1;
                for (int s = 0; s < data.slots[j].length; s++) {
                    if (data.uses(j, data.slots[j][s], node)) {
                        own = s;
                    }
                }
                if (own < 0) {
                    continue;
                }
                for (int d = 0; d < 2; d++) {
                    MPConstraint row = solver.makeConstraint(-MPSolver.infinity(), data.capacityHalf[d],
                            "cap" + (d == DvampOfflineData.CPU ? "cpu" : "mem") + "_vm" + j + "_pm" + (node >> 1)
                                    + "_numa" + (node & 1));
                    row.setCoefficient(placedOn[j][own], data.demandHalf[d][j]);
                    for (int l = 0; l < j; l++) {
                        if (data.arrivalSeconds[l] + data.lifetimeSeconds[l] <= data.arrivalSeconds[j]) {
                            continue;
                        }
                        for (int s = 0; s < data.slots[l].length; s++) {
                            if (data.uses(l, data.slots[l][s], node)) {
                                row.setCoefficient(placedOn[l][s], data.demandHalf[d][l]);
                            }
                        }
                    }
                }
            }
        }
    }
}
