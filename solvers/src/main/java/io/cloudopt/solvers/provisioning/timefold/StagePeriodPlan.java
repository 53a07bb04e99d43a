package io.cloudopt.solvers.provisioning.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;

/**
 * The plan of one stage in one period (problems/provisioning.md §8): the planning variable {@code option}
 * is an index into the dominance-filtered option table of (stage, period), its own value range.
 */
@PlanningEntity
class StagePeriodPlan {
    @PlanningId
    private Integer id;
    private int stage;
    private int period;
    private List<Integer> optionRange;

    @PlanningVariable(valueRangeProviderRefs = "optionRange")
    private Integer option;

    StagePeriodPlan() {
    }

    StagePeriodPlan(int id, int stage, int period, List<Integer> optionRange, int option) {
        this.id = id;
        this.stage = stage;
        this.period = period;
        this.optionRange = optionRange;
        this.option = option;
    }

    Integer getId() {
        return id;
    }

    int stage() {
        return stage;
    }

    int period() {
        return period;
    }

    @ValueRangeProvider(id = "optionRange")
    List<Integer> getOptionRange() {
        return optionRange;
    }

    Integer getOption() {
        return option;
    }

    void setOption(Integer option) {
        this.option = option;
    }

    @Override
    public String toString() {
        return "s" + stage + "p" + period + "=" + option;
    }
}
