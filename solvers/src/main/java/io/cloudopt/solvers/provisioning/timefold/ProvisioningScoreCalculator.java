package io.cloudopt.solvers.provisioning.timefold;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;

/**
 * The §8 score, kept up to date move by move. Hard: −Σ_t [(C6) excess of Σ_i ⌈r_i ε_io·1e9⌉ + ⌈G_g·1e9⌉
 * over ⌊ε·1e9⌋ + (C5) excess of Σ_i b_i + worst active hops over B_g, in µs]. Soft: −(model cost in
 * micro-USD): FaaS cost of the options, and p_k/3600·(H·N + L^V·A) for the ready VMs N derived along the
 * periods ({@link PlanTables}). A change of (i, t) touches period t's terms and the VM contributions of
 * periods t … t + ⌊L^V/H⌋ + 1 of stage i.
 */
public final class ProvisioningScoreCalculator implements IncrementalScoreCalculator<ProvisioningPlan, HardSoftLongScore> {
    private PlanTables tables;
    private ProvisioningPlan plan;
    /** n[i][k][t]: VMs of type k in use by stage i in period t. */
    private int[][][] inUse;
    private long hardPenalty;
    private long costMicro;

    @Override
    public void resetWorkingSolution(ProvisioningPlan workingPlan) {
        this.plan = workingPlan;
        this.tables = workingPlan.tables();
        int[][] choice = workingPlan.choice();
        inUse = tables.inUse(choice);
        long[] score = tables.score(choice, workingPlan.levelChoice());
        hardPenalty = score[0];
        costMicro = score[1];
    }

    @Override
    public void beforeEntityAdded(Object entity) {
        throw unsupported();
    }

    @Override
    public void afterEntityAdded(Object entity) {
        throw unsupported();
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
        throw unsupported();
    }

    @Override
    public void afterEntityRemoved(Object entity) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("The provisioning plan has a fixed set of entities."
                + "\nMaybe a problem change added or removed one; rebuild the plan instead.");
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
        if (entity instanceof StagePeriodPlan stagePlan) {
            int t = stagePlan.period();
            int i = stagePlan.stage();
            hardPenalty -= periodPenalty(t);
            costMicro -= tables.faasMicro[t][i][stagePlan.getOption()];
            costMicro -= vmWindow(i, t);
        } else {
            hardPenalty -= periodPenalty(((BudgetLevel) entity).getPeriod());
        }
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        if (entity instanceof StagePeriodPlan stagePlan) {
            int t = stagePlan.period();
            int i = stagePlan.stage();
            int o = stagePlan.getOption();
            for (int k = 0; k < tables.types; k++) {
                inUse[i][k][t] = tables.vmsOfType(t, i, o, k);
            }
            hardPenalty += periodPenalty(t);
            costMicro += tables.faasMicro[t][i][o];
            costMicro += vmWindow(i, t);
        } else {
            hardPenalty += periodPenalty(((BudgetLevel) entity).getPeriod());
        }
    }

    /** The VM contributions of periods t … t + maxBridge + 1 of stage i, all types. */
    private long vmWindow(int i, int t) {
        int last = Math.min(tables.periods - 1, t + tables.maxBridge + 1);
        long sum = 0;
        for (int k = 0; k < tables.types; k++) {
            int[] n = inUse[i][k];
            for (int at = t; at <= last; at++) {
                sum += tables.contributionMicro(k, n, at);
            }
        }
        return sum;
    }

    private long periodPenalty(int t) {
        long risk = 0;
        long budget = 0;
        int previous = -1;
        for (int i = 0; i < tables.stages; i++) {
            int o = plan.plan(t, i).getOption();
            risk += tables.riskScaled[t][i][o];
            budget += tables.budgetUs[t][i][o];
            if (i > 0) {
                budget += tables.hopUs(t, i - 1, previous, o);
            }
            previous = o;
        }
        return tables.penalty(risk, budget, plan.budgetLevels().get(t).getG());
    }

    @Override
    public HardSoftLongScore calculateScore() {
        return HardSoftLongScore.of(-hardPenalty, -costMicro);
    }
}
