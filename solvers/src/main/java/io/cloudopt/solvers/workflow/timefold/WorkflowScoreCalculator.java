package io.cloudopt.solvers.workflow.timefold;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.EasyScoreCalculator;

/**
 * Hard: −(tasks caught in a cycle of DAG ∪ slot order). Medium: −(Σ_used slots π·billed periods +
 * Σ_late w (1 + β·lateness/3600)) in micro-dollars, from an exact re-time of the whole schedule.
 * Soft: −(the leases' busy spans priced pro rata), a tie-breaker on the plateaus of hourly billing.
 */
public final class WorkflowScoreCalculator implements EasyScoreCalculator<WorkflowPlan, HardMediumSoftLongScore> {
    @Override
    public HardMediumSoftLongScore calculateScore(WorkflowPlan plan) {
        long[] score = plan.retiming().score(plan.slotTasks(), plan.slotTypes());
        return HardMediumSoftLongScore.of(score[0], score[1], score[2]);
    }
}
