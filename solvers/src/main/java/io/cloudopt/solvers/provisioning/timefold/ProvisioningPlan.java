package io.cloudopt.solvers.provisioning.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.util.List;

/**
 * The Timefold plan of a provisioning instance: a {@link StagePeriodPlan} per (stage, period), a
 * {@link BudgetLevel} per period, and the tables the score reads (shared by every clone, never changed).
 */
@PlanningSolution
class ProvisioningPlan {
    private PlanTables tables;

    @PlanningEntityCollectionProperty
    private List<StagePeriodPlan> plans;

    @PlanningEntityCollectionProperty
    private List<BudgetLevel> budgetLevels;

    @ValueRangeProvider(id = "levels")
    private List<Integer> levels;

    @PlanningScore
    private HardSoftLongScore score;

    ProvisioningPlan() {
    }

    ProvisioningPlan(PlanTables tables, List<StagePeriodPlan> plans, List<BudgetLevel> budgetLevels,
                     List<Integer> levels) {
        this.tables = tables;
        this.plans = plans;
        this.budgetLevels = budgetLevels;
        this.levels = levels;
    }

    PlanTables tables() {
        return tables;
    }

    /** Ordered by period, then stage: entry t·N + i. */
    List<StagePeriodPlan> plans() {
        return plans;
    }

    /** Ordered by period. */
    List<BudgetLevel> budgetLevels() {
        return budgetLevels;
    }

    StagePeriodPlan plan(int period, int stage) {
        return plans.get(period * tables.stages + stage);
    }

    HardSoftLongScore getScore() {
        return score;
    }

    void setScore(HardSoftLongScore score) {
        this.score = score;
    }

    /** choice[t][i]: the chosen option of every (period, stage). */
    int[][] choice() {
        int[][] choice = new int[tables.periods][tables.stages];
        for (StagePeriodPlan plan : plans) {
            choice[plan.period()][plan.stage()] = plan.getOption();
        }
        return choice;
    }

    int[] levelChoice() {
        return budgetLevels.stream().mapToInt(BudgetLevel::getG).toArray();
    }
}
