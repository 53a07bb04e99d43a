package io.cloudopt.solvers.rescheduling.timefold;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import java.util.Collection;
import java.util.List;

/** Puts one VM back on its origin, which frees a unit of the migration budget. */
final class RevertMove extends AbstractMove<ReschedulingPlan> {
    private final VmMove vm;

    RevertMove(VmMove vm) {
        this.vm = vm;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<ReschedulingPlan> scoreDirector) {
        return vm.getLocation() != vm.origin();
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<ReschedulingPlan> scoreDirector) {
        scoreDirector.beforeVariableChanged(vm, "location");
        vm.setLocation(vm.origin());
        scoreDirector.afterVariableChanged(vm, "location");
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(vm);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return List.of(vm.origin());
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RevertMove(VmMove.location)";
    }

    @Override
    public String toString() {
        return vm + " -> origin " + vm.origin();
    }
}
