package io.cloudopt.solvers.provisioning.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * The service level of one period (problems/provisioning.md §7–8): {@code g} picks B_g = g·step ms for
 * the stage budgets and hops (C5) and the shared term G_g in the risk (C6).
 */
@PlanningEntity
class BudgetLevel {
    @PlanningId
    private Integer period;

    @PlanningVariable(valueRangeProviderRefs = "levels")
    private Integer g;

    BudgetLevel() {
    }

    BudgetLevel(int period, int g) {
        this.period = period;
        this.g = g;
    }

    Integer getPeriod() {
        return period;
    }

    Integer getG() {
        return g;
    }

    void setG(Integer g) {
        this.g = g;
    }

    @Override
    public String toString() {
        return "p" + period + ".g=" + g;
    }
}
