package io.cloudopt.solvers.workflow.timefold;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.EasyScoreCalculator;

/**
 * Hard: −(tasks caught in a cycle of DAG ∪ slot order). Soft: −(Σ_used slots π·billed periods +
 * Σ_late w (1 + β·lateness/3600)) in micro-dollars, from an exact re-time of the whole schedule.
 */
public final class WorkflowScoreCalculator implements EasyScoreCalculator<WorkflowPlan, HardSoftLongScore> {
    @Override
    public HardSoftLongScore calculateScore(WorkflowPlan plan) {
        long[] score = plan.retiming().score(plan.slotTasks(), plan.slotTypes());
        return HardSoftLongScore.of(score[0], score[1]);
    }
}
