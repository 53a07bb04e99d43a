package io.cloudopt.solvers.provisioning.timefold;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Sets the options of some (stage, period) plans and the levels of some periods at once: the moves of
 * {@link ProvisioningMoveFactory} (option change with its level repaired, ±1 VM, ramp, copy of a
 * neighbour's option).
 */
final class PlanChangeMove extends AbstractMove<ProvisioningPlan> {
    private final String kind;
    private final List<StagePeriodPlan> plans;
    private final List<Integer> options;
    private final List<BudgetLevel> levels;
    private final List<Integer> gs;

    PlanChangeMove(String kind, List<StagePeriodPlan> plans, List<Integer> options, List<BudgetLevel> levels,
                   List<Integer> gs) {
        this.kind = kind;
        this.plans = plans;
        this.options = options;
        this.levels = levels;
        this.gs = gs;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<ProvisioningPlan> scoreDirector) {
        for (int c = 0; c < plans.size(); c++) {
            if (!Objects.equals(plans.get(c).getOption(), options.get(c))) {
                return true;
            }
        }
        for (int c = 0; c < levels.size(); c++) {
            if (!Objects.equals(levels.get(c).getG(), gs.get(c))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<ProvisioningPlan> scoreDirector) {
        for (int c = 0; c < plans.size(); c++) {
            StagePeriodPlan plan = plans.get(c);
            if (!Objects.equals(plan.getOption(), options.get(c))) {
                scoreDirector.beforeVariableChanged(plan, "option");
                plan.setOption(options.get(c));
                scoreDirector.afterVariableChanged(plan, "option");
            }
        }
        for (int c = 0; c < levels.size(); c++) {
            BudgetLevel level = levels.get(c);
            if (!Objects.equals(level.getG(), gs.get(c))) {
                scoreDirector.beforeVariableChanged(level, "g");
                level.setG(gs.get(c));
                scoreDirector.afterVariableChanged(level, "g");
            }
        }
    }

    @Override
    public Collection<?> getPlanningEntities() {
        List<Object> entities = new ArrayList<>(plans);
        entities.addAll(levels);
        return entities;
    }

    @Override
    public Collection<?> getPlanningValues() {
        List<Object> values = new ArrayList<>(options);
        values.addAll(gs);
        return values;
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "PlanChangeMove(" + kind + ")";
    }

    @Override
    public String toString() {
        return kind + " " + plans + " -> " + options + ", " + levels + " -> " + gs;
    }
}
