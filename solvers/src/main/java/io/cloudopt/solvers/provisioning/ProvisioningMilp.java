package io.cloudopt.solvers.provisioning;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The §7 MILP of a {@link ProvisioningPlanModel} on MPSolver (SCIP): the static form C1–C7 and the
 * multi-period form C8–C10. The risk row C6 is written in parts per million (ε·1e6 on the right), so
 * the backend's absolute feasibility tolerance (1e-6) stays far below the probabilities involved.
 * C4 charges the worst active hop: h_i ≥ τ_ab·(v_i^a + v_{i+1}^b − 1) for every pair (a, b).
 */
public final class ProvisioningMilp {
    static final double RISK_ROW_SCALE = 1e6;

    private ProvisioningMilp() {
    }

    /** What a MILP solve gave: the outcome, and the choice when there is a solution. */
    public record Solved(MpSolverSupport.Outcome outcome, ProvisioningPlanModel.Choice choice) {
    }

    /** The variables, kept to read the solution and set hints. */
    static final class Model {
        final ProvisioningPlanModel data;
        final MPSolver solver;
        /** z_{iot}. */
        final MPVariable[][][] chosen;
        /** y_{gt}, indexed by position in {@link ProvisioningPlanModel#serviceLevels()}. */
        final MPVariable[][] level;
        final int[] levels;
        /** N_{ikt}, A_{ikt}, E_{ikt} (null where the type is unused or the form is static). */
        final MPVariable[][][] ready;
        final MPVariable[][][] launches;
        final MPVariable[][][] terminations;

        Model(ProvisioningPlanModel data, MPSolver solver, MPVariable[][][] chosen, MPVariable[][] level, int[] levels,
              MPVariable[][][] ready, MPVariable[][][] launches, MPVariable[][][] terminations) {
            this.data = data;
            this.solver = solver;
            this.chosen = chosen;
            this.level = level;
            this.levels = levels;
            this.ready = ready;
            this.launches = launches;
            this.terminations = terminations;
        }

        ProvisioningPlanModel.Choice read() {
            int periods = data.periods();
            int stages = data.stages();
            int types = data.types();
            int[][] option = new int[periods][stages];
            int[] g = new int[periods];
            int[][][] n = new int[periods][stages][types];
            int[][][] a = new int[periods][stages][types];
            for (int t = 0; t < periods; t++) {
                for (int i = 0; i < stages; i++) {
                    option[t][i] = argMax(chosen[t][i]);
                    for (int k = 0; k < types; k++) {
                        if (ready[t][i][k] != null) {
                            n[t][i][k] = (int) Math.round(ready[t][i][k].solutionValue());
                            a[t][i][k] = (int) Math.round(launches[t][i][k].solutionValue());
                        }
                    }
                }
                g[t] = level[t].length == 0 ? -1 : levels[argMax(level[t])];
            }
            return new ProvisioningPlanModel.Choice(option, g, n, a);
        }

        /** Passes a known choice to the backend as a hint. */
        void hint(ProvisioningPlanModel.Choice choice) {
            List<MPVariable> variables = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int t = 0; t < data.periods(); t++) {
                for (int i = 0; i < data.stages(); i++) {
                    if (choice.option()[t][i] >= 0) {
                        for (int o = 0; o < chosen[t][i].length; o++) {
                            variables.add(chosen[t][i][o]);
                            values.add(o == choice.option()[t][i] ? 1.0 : 0.0);
                        }
                    }
                    if (choice.ready() == null) {
                        continue;
                    }
                    for (int k = 0; k < data.types(); k++) {
                        if (ready[t][i][k] != null) {
                            int now = choice.ready()[t][i][k];
                            int before = t == 0 ? data.initialReady(i, k) : choice.ready()[t - 1][i][k];
                            variables.add(ready[t][i][k]);
                            values.add((double) now);
                            variables.add(launches[t][i][k]);
                            values.add((double) Math.max(0, now - before));
                            variables.add(terminations[t][i][k]);
                            values.add((double) Math.max(0, before - now));
                        }
                    }
                }
                if (choice.level()[t] >= 0) {
                    for (int p = 0; p < level[t].length; p++) {
                        variables.add(level[t][p]);
                        values.add(levels[p] == choice.level()[t] ? 1.0 : 0.0);
                    }
                }
            }
            solver.setHint(variables.toArray(new MPVariable[0]), values.stream().mapToDouble(Double::doubleValue)
                    .toArray());
        }

        private static int argMax(MPVariable[] variables) {
            int best = 0;
            for (int o = 1; o < variables.length; o++) {
                if (variables[o].solutionValue() > variables[best].solutionValue()) {
                    best = o;
                }
            }
            return best;
        }
    }

    /** SCIP settings: its defaults, or a root that reaches branching fast on the large multi-period models. */
    public enum Emphasis {
        /** SCIP's defaults. */
        DEFAULT(""),
        /**
         * No probing in presolve and at most three root separation rounds: on a 12-period window of the
         * reference, probing alone takes 4 s and each cut round 0.1 s, for a root bound gain of 3 %.
         */
        SPEED("propagating/probing/maxprerounds = 0\nseparating/maxroundsroot = 3\n");

        private final String scipParameters;

        Emphasis(String scipParameters) {
            this.scipParameters = scipParameters;
        }
    }

    public static Solved solve(ProvisioningPlanModel data, MpSolverSupport.Backend backend, SolveOptions options,
                               long startedNanos, double relativeGap, ProvisioningPlanModel.Choice hint) {
        return solve(data, backend, options, startedNanos, relativeGap, hint, Emphasis.DEFAULT);
    }

    /**
     * Builds and solves on {@code backend}; the time limit counts from {@code startedNanos}; SCIP stops at
     * {@code relativeGap} (0: proven optimum). A hint may be partial: option −1 leaves a (t, i) open.
     */
    public static Solved solve(ProvisioningPlanModel data, MpSolverSupport.Backend backend, SolveOptions options,
                               long startedNanos, double relativeGap, ProvisioningPlanModel.Choice hint,
                               Emphasis emphasis) {
        MPSolver solver = MpSolverSupport.create(backend);
        try {
            Model model = build(data, solver);
            if (backend == MpSolverSupport.Backend.SCIP) {
                // SCIP stops at a 1e-4 relative gap by default; the cross-checks need the optimum.
                solver.setSolverSpecificParametersAsString("limits/gap = " + relativeGap
                        + "\nlimits/absgap = 1e-9\n" + emphasis.scipParameters);
            }
            if (hint != null) {
                model.hint(hint);
            }
            MpSolverSupport.Outcome outcome = MpSolverSupport.solve(solver, backend, options, startedNanos);
            return new Solved(outcome, outcome.status().hasSolution() ? model.read() : null);
        } finally {
            MpSolverSupport.release(solver);
        }
    }

    /** Data → variables → constraints → objective. */
    static Model build(ProvisioningPlanModel data, MPSolver solver) {
        ProvisioningInstance instance = data.instance();
        ProvisioningOptions options = data.options();
        int periods = data.periods();
        int stages = data.stages();
        int types = data.types();
        int[] levels = data.serviceLevels();
        double infinity = MPSolver.infinity();
        MPObjective objective = solver.objective();

        MPVariable[][][] chosen = new MPVariable[periods][stages][];
        MPVariable[][] level = new MPVariable[periods][];
        MPVariable[][][] ready = new MPVariable[periods][stages][types];
        MPVariable[][][] launches = new MPVariable[periods][stages][types];
        MPVariable[][][] terminations = new MPVariable[periods][stages][types];
        for (int t = 0; t < periods; t++) {
            int period = data.firstPeriod() + t;
            // z_{iot} ∈ {0,1}
            for (int i = 0; i < stages; i++) {
                ProvisioningOptionTable table = data.table(t, i);
                chosen[t][i] = new MPVariable[table.size()];
                for (int o = 0; o < table.size(); o++) {
                    chosen[t][i][o] = solver.makeBoolVar("z_t" + period + "_s" + i + "_o" + o);
                    objective.setCoefficient(chosen[t][i][o], data.optionUsd(t, i, o));
                }
            }
            // y_{gt} ∈ {0,1} (split bound)
            level[t] = new MPVariable[levels.length];
            for (int p = 0; p < levels.length; p++) {
                level[t][p] = solver.makeBoolVar("y_t" + period + "_g" + levels[p]);
            }
            // (C1) Σ_o z_{iot} = 1
            for (int i = 0; i < stages; i++) {
                MPConstraint one = solver.makeConstraint(1, 1, "c1_t" + period + "_s" + i);
                for (MPVariable z : chosen[t][i]) {
                    one.setCoefficient(z, 1);
                }
            }
            // (C2) Σ_g y_{gt} = 1
            if (levels.length > 0) {
                MPConstraint one = solver.makeConstraint(1, 1, "c2_t" + period);
                for (MPVariable y : level[t]) {
                    one.setCoefficient(y, 1);
                }
            }
            // (C3) v_i^V ≥ Σ_o [α_o > 0] z_{io}, v_i^F ≥ Σ_o [α_o < 1] z_{io}
            MPVariable[] onVm = new MPVariable[stages];
            MPVariable[] onFaas = new MPVariable[stages];
            for (int i = 0; i < stages; i++) {
                ProvisioningOptionTable table = data.table(t, i);
                onVm[i] = solver.makeBoolVar("vV_t" + period + "_s" + i);
                onFaas[i] = solver.makeBoolVar("vF_t" + period + "_s" + i);
                MPConstraint vm = solver.makeConstraint(0, infinity, "c3V_t" + period + "_s" + i);
                MPConstraint faas = solver.makeConstraint(0, infinity, "c3F_t" + period + "_s" + i);
                vm.setCoefficient(onVm[i], 1);
                faas.setCoefficient(onFaas[i], 1);
                for (int o = 0; o < table.size(); o++) {
                    if (table.usesVm(o)) {
                        vm.setCoefficient(chosen[t][i][o], -1);
                    }
                    if (table.usesFaas(o)) {
                        faas.setCoefficient(chosen[t][i][o], -1);
                    }
                }
            }
            // (C4) h_i ≥ τ_ab (v_i^a + v_{i+1}^b − 1): the worst active hop between stage i and i+1
            MPVariable[] hop = new MPVariable[Math.max(0, stages - 1)];
            ProvisioningInstance.Transfers transfers = instance.transferMs();
            for (int i = 0; i + 1 < stages; i++) {
                hop[i] = solver.makeNumVar(0, infinity, "h_t" + period + "_s" + i);
                MPVariable[][] pairs = {{onVm[i], onVm[i + 1]}, {onVm[i], onFaas[i + 1]}, {onFaas[i], onVm[i + 1]},
                        {onFaas[i], onFaas[i + 1]}};
                double[] tau = {transfers.vmVm(), transfers.vmFaas(), transfers.faasVm(), transfers.faasFaas()};
                String[] names = {"VV", "VF", "FV", "FF"};
                for (int ab = 0; ab < 4; ab++) {
                    if (tau[ab] > 0) {
                        MPConstraint charged = solver.makeConstraint(-tau[ab], infinity,
                                "c4" + names[ab] + "_t" + period + "_s" + i);
                        charged.setCoefficient(hop[i], 1);
                        charged.setCoefficient(pairs[ab][0], -tau[ab]);
                        charged.setCoefficient(pairs[ab][1], -tau[ab]);
                    }
                }
            }
            // (C5) Σ_i Σ_o b_o z_{io} + Σ_i h_i ≤ Σ_g B_g y_g   (plain: ≤ D)
            MPConstraint budget = data.splitBound()
                    ? solver.makeConstraint(-infinity, 0, "c5_t" + period)
                    : solver.makeConstraint(-infinity, instance.slo().latencyMs(), "c5_t" + period);
            for (int i = 0; i < stages; i++) {
                ProvisioningOptionTable table = data.table(t, i);
                for (int o = 0; o < table.size(); o++) {
                    if (table.budgetMs(o) > 0) {
                        budget.setCoefficient(chosen[t][i][o], table.budgetMs(o));
                    }
                }
            }
            for (MPVariable h : hop) {
                budget.setCoefficient(h, 1);
            }
            for (int p = 0; p < levels.length; p++) {
                budget.setCoefficient(level[t][p], -options.serviceBudgetMs(levels[p]));
            }
            // (C6) Σ_g G_g y_g + Σ_i r_i Σ_o ε_io z_io ≤ ε   (in parts per million)
            MPConstraint risk = solver.makeConstraint(-infinity,
                    instance.slo().violationProbability() * RISK_ROW_SCALE, "c6_t" + period);
            for (int p = 0; p < levels.length; p++) {
                risk.setCoefficient(level[t][p], options.sharedTerm(levels[p]) * RISK_ROW_SCALE);
            }
            for (int i = 0; i < stages; i++) {
                ProvisioningOptionTable table = data.table(t, i);
                double reach = instance.reach(i);
                for (int o = 0; o < table.size(); o++) {
                    risk.setCoefficient(chosen[t][i][o], reach * table.risk(o) * RISK_ROW_SCALE);
                }
            }
            // (C7) holds by construction: the tables hold no type that is too small for the stage.
            if (!data.isMultiPeriod()) {
                continue;
            }
            for (int i = 0; i < stages; i++) {
                for (int k = 0; k < types; k++) {
                    if (!data.typeUsed(i, k)) {
                        continue;
                    }
                    String name = "_t" + period + "_s" + i + "_k" + k;
                    // N_{ikt}, A_{ikt}, E_{ikt} ∈ Z≥0
                    ready[t][i][k] = solver.makeIntVar(0, infinity, "N" + name);
                    int fixed = data.fixedLaunches(t, i, k);
                    launches[t][i][k] = fixed >= 0 ? solver.makeIntVar(fixed, fixed, "A" + name)
                            : solver.makeIntVar(0, infinity, "A" + name);
                    terminations[t][i][k] = solver.makeIntVar(0, infinity, "E" + name);
                    objective.setCoefficient(ready[t][i][k], data.readyUsd(k));
                    objective.setCoefficient(launches[t][i][k], data.launchUsd(k));
                    // (C8) N_{ikt} − N_{ik,t−1} − A_{ikt} + E_{ikt} = 0, N_{ik,−1} given
                    double before = t == 0 ? data.initialReady(i, k) : 0;
                    MPConstraint flow = solver.makeConstraint(before, before, "c8" + name);
                    flow.setCoefficient(ready[t][i][k], 1);
                    if (t > 0) {
                        flow.setCoefficient(ready[t - 1][i][k], -1);
                    }
                    flow.setCoefficient(launches[t][i][k], -1);
                    flow.setCoefficient(terminations[t][i][k], 1);
                    // (C9) Σ_o n_o [k_o = k] z_{iot} ≤ N_{ikt}
                    MPConstraint readyOnly = solver.makeConstraint(-infinity, 0, "c9" + name);
                    readyOnly.setCoefficient(ready[t][i][k], -1);
                    ProvisioningOptionTable table = data.table(t, i);
                    for (int o = 0; o < table.size(); o++) {
                        if (table.vmType(o) == k) {
                            readyOnly.setCoefficient(chosen[t][i][o], table.vmCount(o));
                        }
                    }
                }
            }
        }
        objective.setMinimization();
        return new Model(data, solver, chosen, level, levels, ready, launches, terminations);
    }
}
