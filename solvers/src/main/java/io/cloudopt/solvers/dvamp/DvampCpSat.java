package io.cloudopt.solvers.dvamp;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.solvers.common.CpSatSupport;
import io.cloudopt.solvers.common.OrTools;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline CP-SAT model of problems/dvamp.md §7: one optional fixed-size interval per VM and
 * candidate node, one cumulative per (pm, node, resource), FIFO starts in π-tightened domains,
 * C8 by fixing literals, hinted with the best greedy run. Under {@code vmagent}, starts are the
 * arrivals and prefix literals z_j are maximised. The schedule is offline; {@code bound} is
 * CP-SAT's best objective bound, a lower bound on the total wait of every policy.
 */
public final class DvampCpSat implements Solver<DvampInstance, DvampSolution> {
    @Override
    public String name() {
        return "cpsat";
    }

    @Override
    public SolveReport<DvampSolution> solve(DvampInstance instance, SolveOptions options) {
        DvampOfflineData data = DvampOfflineData.of(instance);
        Model built = buildModel(data);
        CpSatSupport.Outcome outcome = CpSatSupport.solve(built.model, options);
        DvampSolution solution = outcome.status().hasSolution() ? built.readSolution(outcome.solver()) : null;
        Map<String, Object> stats = new LinkedHashMap<>(outcome.stats());
        stats.put("incumbentPolicy", data.incumbent.policy());
        if (data.spane) {
            stats.put("incumbentTotalWaitSeconds", data.upperBoundSeconds());
            stats.put("poolLowerBoundSeconds", data.poolLowerBoundSeconds);
            stats.put("publishedGreedyGap", DvampBounds.publishedGreedyGap(data.instance));
        }
        return new SolveReport<>(outcome.status(), outcome.termination(), solution, outcome.objective(),
                outcome.bound(), outcome.wall(), stats);
    }

    /** The model's variables, kept for reading a solution. */
    static final class Model {
        final DvampOfflineData data;
        final CpModel model;
        /** st_j. */
        final IntVar[] startSeconds;
        /** b_{js}, aligned with {@code data.slots[j]}. */
        final BoolVar[][] placedOn;
        /** z_j under vmagent (VM j is in the placed prefix); null under spane. */
        final BoolVar[] placed;

        private Model(DvampOfflineData data, CpModel model, IntVar[] startSeconds, BoolVar[][] placedOn,
                      BoolVar[] placed) {
            this.data = data;
            this.model = model;
            this.startSeconds = startSeconds;
            this.placedOn = placedOn;
            this.placed = placed;
        }

        /** The chosen canonical action of VM j, or −1 when it is not placed. */
        int action(CpSolver solver, int j) {
            for (int s = 0; s < placedOn[j].length; s++) {
                if (solver.booleanValue(placedOn[j][s])) {
                    return data.slots[j][s];
                }
            }
            return -1;
        }

        DvampSolution readSolution(CpSolver solver) {
            int n = data.count;
            if (data.spane) {
                int[] actions = new int[n];
                long[] starts = new long[n];
                for (int j = 0; j < n; j++) {
                    actions[j] = action(solver, j);
                    starts[j] = solver.value(startSeconds[j]);
                }
                return data.spaneSolution(actions, starts);
            }
            List<Integer> prefix = new ArrayList<>();
            for (int j = 0; j < n && solver.booleanValue(placed[j]); j++) {
                prefix.add(action(solver, j));
            }
            return data.vmagentSolution(prefix.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Builds the model: data → variables → constraints → objective, plus the incumbent as hint. */
    static Model buildModel(DvampOfflineData data) {
        OrTools.load();
        CpModel model = new CpModel();
        int n = data.count;

        // Variables: st_j, slot literals b_{js}, prefix literals z_j (vmagent), intervals per (j, s).
        IntVar[] startSeconds = new IntVar[n];
        BoolVar[][] placedOn = new BoolVar[n][];
        IntervalVar[][] intervals = new IntervalVar[n][];
        BoolVar[] placed = data.spane ? null : new BoolVar[n];
        for (int j = 0; j < n; j++) {
            startSeconds[j] = model.newIntVar(data.earliestStartSeconds[j], data.latestStartSeconds[j], "st_vm" + j);
            int[] slots = data.slots[j];
            placedOn[j] = new BoolVar[slots.length];
            intervals[j] = new IntervalVar[slots.length];
            for (int s = 0; s < slots.length; s++) {
                placedOn[j][s] = model.newBoolVar(data.slotName(j, slots[s]));
                intervals[j][s] = model.newOptionalFixedSizeIntervalVar(startSeconds[j], data.lifetimeSeconds[j],
                        placedOn[j][s], "run_" + data.slotName(j, slots[s]));
            }
            if (placed != null) {
                placed[j] = model.newBoolVar("z_vm" + j);
            }
        }

        // (C1) Σ_s b_{js} = 1 (spane), = z_j (vmagent)   ∀j
        for (int j = 0; j < n; j++) {
            LinearExprBuilder chosen = LinearExpr.newBuilder().addSum(placedOn[j]);
            if (placed == null) {
                model.addEquality(chosen, 1).getBuilder().setName("one_slot_vm" + j);
            } else {
                model.addEquality(chosen, placed[j]).getBuilder().setName("one_slot_vm" + j);
            }
        }
        // (C3) st_j ≤ st_{j+1} (FIFO, spane);  z_j ≥ z_{j+1} (placed prefix, vmagent)   ∀j < n−1
        for (int j = 0; j + 1 < n; j++) {
            if (placed == null) {
                model.addLessOrEqual(startSeconds[j], startSeconds[j + 1]).getBuilder().setName("fifo_vm" + j);
            } else {
                model.addLessOrEqual(placed[j + 1], placed[j]).getBuilder().setName("prefix_vm" + j);
            }
        }
        // (C5–C6) Σ_{j on (i,k) running at τ} dem_j^d + initial loads ≤ Q^d   ∀i, k, d, τ
        for (int node = 0; node < data.nodeCount; node++) {
            List<IntervalVar> fixed = new ArrayList<>();
            List<Integer> fixedVms = new ArrayList<>();
            for (int g = 0; g < data.initialEndSeconds.length; g++) {
                if (data.initialUses(g, node) && data.initialEndSeconds[g] > data.clockSeconds) {
                    fixed.add(model.newFixedInterval(data.clockSeconds, data.initialEndSeconds[g] - data.clockSeconds,
                            "initial" + g + "_pm" + (node >> 1) + "_numa" + (node & 1)));
                    fixedVms.add(g);
                }
            }
            for (int d = 0; d < 2; d++) {
                CumulativeConstraint cumulative = model.addCumulative(data.capacityHalf[d]);
                cumulative.getBuilder().setName((d == DvampOfflineData.CPU ? "cpu" : "memory") + "_pm" + (node >> 1)
                        + "_numa" + (node & 1));
                for (int f = 0; f < fixed.size(); f++) {
                    cumulative.addDemand(fixed.get(f), data.initialDemandHalf[d][fixedVms.get(f)]);
                }
                for (int j = 0; j < n; j++) {
                    for (int s = 0; s < data.slots[j].length; s++) {
                        if (data.uses(j, data.slots[j][s], node)) {
                            cumulative.addDemand(intervals[j][s], data.demandHalf[d][j]);
                        }
                    }
                }
            }
        }
        if (data.spane) {
            addPooledCapacity(model, data, startSeconds);
        }

        // Objective: min Σ_j st_j − Σ_j at_j (spane);  max Σ_j z_j (vmagent).
        if (placed == null) {
            long arrivals = 0;
            for (int j = 0; j < n; j++) {
                arrivals += data.arrivalSeconds[j];
            }
            model.minimize(LinearExpr.newBuilder().addSum(startSeconds).add(-arrivals));
        } else {
            model.maximize(LinearExpr.sum(placed));
        }

        addHint(model, data, startSeconds, placedOn, placed);
        return new Model(data, model, startSeconds, placedOn, placed);
    }

    /**
     * Redundant pool of B1: Σ_{j running at τ} 2·r_j^d + initial loads ≤ 2m·Q^d per resource, on
     * mandatory intervals, so the solver propagates across nodes before a slot is chosen.
     */
    private static void addPooledCapacity(CpModel model, DvampOfflineData data, IntVar[] startSeconds) {
        int n = data.count;
        IntervalVar[] runs = new IntervalVar[n];
        for (int j = 0; j < n; j++) {
            runs[j] = model.newFixedSizeIntervalVar(startSeconds[j], data.lifetimeSeconds[j], "run_vm" + j);
        }
        List<IntervalVar> initial = new ArrayList<>();
        for (int g = 0; g < data.initialEndSeconds.length; g++) {
            initial.add(data.initialEndSeconds[g] > data.clockSeconds
                    ? model.newFixedInterval(data.clockSeconds, data.initialEndSeconds[g] - data.clockSeconds,
                    "initial" + g) : null);
        }
        for (int d = 0; d < 2; d++) {
            // (pool) Σ_{j running at τ} 2·r_j^d ≤ 2m·Q^d   ∀d, τ
            CumulativeConstraint pool = model.addCumulative(data.capacityHalf[d] * data.nodeCount);
            pool.getBuilder().setName((d == DvampOfflineData.CPU ? "cpu" : "memory") + "_pool");
            for (int j = 0; j < n; j++) {
                pool.addDemand(runs[j], data.demandHalf[d][j] * (data.isDouble[j] ? 2 : 1));
            }
            for (int g = 0; g < initial.size(); g++) {
                if (initial.get(g) != null) {
                    long nodes = data.initialNode[g] >= 0 ? 1 : 2;
                    pool.addDemand(initial.get(g), data.initialDemandHalf[d][g] * nodes);
                }
            }
        }
    }

    private static void addHint(CpModel model, DvampOfflineData data, IntVar[] startSeconds, BoolVar[][] placedOn,
                                BoolVar[] placed) {
        int[] actions = data.hintActions;
        long[] starts = data.incumbent.run().startSeconds();
        for (int j = 0; j < data.count; j++) {
            boolean inRun = j < actions.length;
            if (inRun) {
                model.addHint(startSeconds[j], starts[j]);
            }
            for (int s = 0; s < placedOn[j].length; s++) {
                model.addHint(placedOn[j][s], inRun && data.slots[j][s] == actions[j]);
            }
            if (placed != null) {
                model.addHint(placed[j], inRun);
            }
        }
    }
}
