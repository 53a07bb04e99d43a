package io.cloudopt.solvers.provisioning;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.solvers.common.CpSatSupport;
import io.cloudopt.solvers.common.SolveOptions;
import java.time.Duration;

/**
 * The §7 multiple-choice model of a {@link ProvisioningPlanModel} on CP-SAT, integer-scaled: costs in
 * micro-USD rounded up, risks in 1e-9 units rounded up (r_i·ε_io as one coefficient) with ε rounded
 * down, budgets and hops in ms rounded up, B_g rounded down. Every CP-SAT-feasible plan is therefore
 * feasible in the MILP; the objective and its bound are those of the scaled model (micro-USD).
 */
public final class ProvisioningCpSat {
    private ProvisioningCpSat() {
    }

    /** What a CP-SAT solve gave; objective and bound of the outcome are in micro-USD. */
    public record Solved(CpSatSupport.Outcome outcome, ProvisioningPlanModel.Choice choice) {
    }

    static final class Model {
        final ProvisioningPlanModel data;
        final CpModel model;
        final BoolVar[][][] chosen;
        final BoolVar[][] level;
        final int[] levels;
        final IntVar[][][] ready;
        final IntVar[][][] launches;

        Model(ProvisioningPlanModel data, CpModel model, BoolVar[][][] chosen, BoolVar[][] level, int[] levels,
              IntVar[][][] ready, IntVar[][][] launches) {
            this.data = data;
            this.model = model;
            this.chosen = chosen;
            this.level = level;
            this.levels = levels;
            this.ready = ready;
            this.launches = launches;
        }

        ProvisioningPlanModel.Choice read(CpSolver solver) {
            int periods = data.periods();
            int stages = data.stages();
            int types = data.types();
            int[][] option = new int[periods][stages];
            int[] g = new int[periods];
            int[][][] n = new int[periods][stages][types];
            int[][][] a = new int[periods][stages][types];
            for (int t = 0; t < periods; t++) {
                g[t] = -1;
                for (int p = 0; p < level[t].length; p++) {
                    if (solver.booleanValue(level[t][p])) {
                        g[t] = levels[p];
                    }
                }
                for (int i = 0; i < stages; i++) {
                    for (int o = 0; o < chosen[t][i].length; o++) {
                        if (solver.booleanValue(chosen[t][i][o])) {
                            option[t][i] = o;
                        }
                    }
                    for (int k = 0; k < types; k++) {
                        if (ready[t][i][k] != null) {
                            n[t][i][k] = (int) solver.value(ready[t][i][k]);
                            a[t][i][k] = (int) solver.value(launches[t][i][k]);
                        }
                    }
                }
            }
            return new ProvisioningPlanModel.Choice(option, g, n, a);
        }
    }

    public static Solved solve(ProvisioningPlanModel data, SolveOptions options, long startedNanos) {
        Model built = build(data);
        long left = options.timeLimit().toNanos() - (System.nanoTime() - startedNanos);
        CpSatSupport.Outcome outcome = CpSatSupport.solve(built.model,
                options.withTime(Duration.ofNanos(Math.max(left, 200_000_000L))));
        return new Solved(outcome, outcome.status().hasSolution() ? built.read(outcome.solver()) : null);
    }

    /** Data → variables → constraints → objective. */
    static Model build(ProvisioningPlanModel data) {
        ProvisioningInstance instance = data.instance();
        CpModel model = new CpModel();
        int periods = data.periods();
        int stages = data.stages();
        int types = data.types();
        int[] levels = data.serviceLevels();
        BoolVar[][][] chosen = new BoolVar[periods][stages][];
        BoolVar[][] level = new BoolVar[periods][levels.length];
        IntVar[][][] ready = new IntVar[periods][stages][types];
        IntVar[][][] launches = new IntVar[periods][stages][types];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        long[] tau = {data.hopMsCeil(instance.transferMs().vmVm()), data.hopMsCeil(instance.transferMs().vmFaas()),
                data.hopMsCeil(instance.transferMs().faasVm()), data.hopMsCeil(instance.transferMs().faasFaas())};
        long maxHop = Math.max(Math.max(tau[0], tau[1]), Math.max(tau[2], tau[3]));
        for (int t = 0; t < periods; t++) {
            int period = data.firstPeriod() + t;
            // z_{iot}, and (C1) AddExactlyOne per (i, t)
            for (int i = 0; i < stages; i++) {
                ProvisioningOptionTable table = data.table(t, i);
                chosen[t][i] = new BoolVar[table.size()];
                for (int o = 0; o < table.size(); o++) {
                    chosen[t][i][o] = model.newBoolVar("z_t" + period + "_s" + i + "_o" + o);
                    objective.addTerm(chosen[t][i][o], data.optionMicroUsd(t, i, o));
                }
                model.addExactlyOne(chosen[t][i]);
            }
            // y_{gt}, (C2)
            for (int p = 0; p < levels.length; p++) {
                level[t][p] = model.newBoolVar("y_t" + period + "_g" + levels[p]);
            }
            if (levels.length > 0) {
                model.addExactlyOne(level[t]);
            }
            // (C3) z_io ⇒ v_i^V when α_o > 0, z_io ⇒ v_i^F when α_o < 1
            BoolVar[] onVm = new BoolVar[stages];
            BoolVar[] onFaas = new BoolVar[stages];
            for (int i = 0; i < stages; i++) {
                ProvisioningOptionTable table = data.table(t, i);
                onVm[i] = model.newBoolVar("vV_t" + period + "_s" + i);
                onFaas[i] = model.newBoolVar("vF_t" + period + "_s" + i);
                for (int o = 0; o < table.size(); o++) {
                    if (table.usesVm(o)) {
                        model.addImplication(chosen[t][i][o], onVm[i]);
                    }
                    if (table.usesFaas(o)) {
                        model.addImplication(chosen[t][i][o], onFaas[i]);
                    }
                }
            }
            // (C4) w_i^{ab} ⇐ v_i^a ∧ v_{i+1}^b (AddBoolOr), h_i ≥ τ_ab·w_i^{ab}
            LinearExprBuilder budget = LinearExpr.newBuilder();
            for (int i = 0; i + 1 < stages; i++) {
                IntVar hop = model.newIntVar(0, maxHop, "h_t" + period + "_s" + i);
                BoolVar[][] pairs = {{onVm[i], onVm[i + 1]}, {onVm[i], onFaas[i + 1]}, {onFaas[i], onVm[i + 1]},
                        {onFaas[i], onFaas[i + 1]}};
                for (int ab = 0; ab < 4; ab++) {
                    if (tau[ab] > 0) {
                        BoolVar active = model.newBoolVar("w_t" + period + "_s" + i + "_" + ab);
                        model.addBoolOr(new Literal[] {pairs[ab][0].not(), pairs[ab][1].not(),
                                active});
                        model.addGreaterOrEqual(LinearExpr.newBuilder().add(hop).addTerm(active, -tau[ab]), 0);
                    }
                }
                budget.add(hop);
            }
            // (C5) Σ b z + Σ h ≤ Σ_g ⌊B_g⌋ y_g   (plain: ≤ ⌊D⌋)
            for (int i = 0; i < stages; i++) {
                ProvisioningOptionTable table = data.table(t, i);
                for (int o = 0; o < table.size(); o++) {
                    long ms = data.budgetMsCeil(t, i, o);
                    if (ms > 0) {
                        budget.addTerm(chosen[t][i][o], ms);
                    }
                }
            }
            if (data.splitBound()) {
                for (int p = 0; p < levels.length; p++) {
                    budget.addTerm(level[t][p], -data.serviceBudgetMsFloor(levels[p]));
                }
                model.addLessOrEqual(budget, 0);
            } else {
                model.addLessOrEqual(budget, data.latencyMsFloor());
            }
            // (C6) Σ_g ⌈G_g⌉ y_g + Σ_i Σ_o ⌈r_i ε_io⌉ z_io ≤ ⌊ε⌋   (1e-9 units)
            LinearExprBuilder risk = LinearExpr.newBuilder();
            for (int p = 0; p < levels.length; p++) {
                risk.addTerm(level[t][p], data.sharedTermUnits(levels[p]));
            }
            for (int i = 0; i < stages; i++) {
                for (int o = 0; o < chosen[t][i].length; o++) {
                    risk.addTerm(chosen[t][i][o], data.riskUnits(t, i, o));
                }
            }
            model.addLessOrEqual(risk, data.epsilonUnits());
            if (!data.isMultiPeriod()) {
                continue;
            }
            for (int i = 0; i < stages; i++) {
                ProvisioningOptionTable table = data.table(t, i);
                for (int k = 0; k < types; k++) {
                    if (!data.typeUsed(i, k)) {
                        continue;
                    }
                    String name = "_t" + period + "_s" + i + "_k" + k;
                    long most = 0;
                    for (int p = 0; p < periods; p++) {
                        for (int o = 0; o < data.table(p, i).size(); o++) {
                            most = Math.max(most, data.table(p, i).vmCount(o));
                        }
                    }
                    most = Math.max(most, data.initialReady(i, k));
                    long fixedTotal = data.initialReady(i, k);
                    for (int p = 0; p < periods; p++) {
                        fixedTotal += Math.max(0, data.fixedLaunches(p, i, k));
                    }
                    most = Math.max(most, fixedTotal);
                    ready[t][i][k] = model.newIntVar(0, most, "N" + name);
                    int fixed = data.fixedLaunches(t, i, k);
                    launches[t][i][k] = fixed >= 0 ? model.newConstant(fixed) : model.newIntVar(0, most, "A" + name);
                    IntVar terminations = model.newIntVar(0, most, "E" + name);
                    // (C8) N_{ikt} = N_{ik,t−1} + A_{ikt} − E_{ikt}
                    LinearExprBuilder flow = LinearExpr.newBuilder().add(ready[t][i][k]).addTerm(launches[t][i][k], -1)
                            .add(terminations);
                    if (t > 0) {
                        flow.addTerm(ready[t - 1][i][k], -1);
                    }
                    model.addEquality(flow, t == 0 ? data.initialReady(i, k) : 0);
                    // (C9) Σ_o n_o [k_o = k] z_{iot} ≤ N_{ikt}
                    LinearExprBuilder used = LinearExpr.newBuilder().addTerm(ready[t][i][k], -1);
                    for (int o = 0; o < table.size(); o++) {
                        if (table.vmType(o) == k) {
                            used.addTerm(chosen[t][i][o], table.vmCount(o));
                        }
                    }
                    model.addLessOrEqual(used, 0);
                    objective.addTerm(ready[t][i][k], data.readyMicroUsd(k));
                    objective.addTerm(launches[t][i][k], data.launchMicroUsd(k));
                }
            }
        }
        model.minimize(objective);
        return new Model(data, model, chosen, level, levels, ready, launches);
    }
}
