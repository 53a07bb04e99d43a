package io.cloudopt.solvers.dvamp.timefold;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Puts one VM on another slot of its shape (the move "move the blocker" makes). */
final class ReslotMove extends AbstractMove<DvampPlan> {
    private final VmPlacement placement;
    private final Integer toSlot;

    ReslotMove(VmPlacement placement, Integer toSlot) {
        this.placement = placement;
        this.toSlot = toSlot;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DvampPlan> scoreDirector) {
        return toSlot != null && !Objects.equals(placement.getSlot(), toSlot);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<DvampPlan> scoreDirector) {
        scoreDirector.beforeVariableChanged(placement, "slot");
        placement.setSlot(toSlot);
        scoreDirector.afterVariableChanged(placement, "slot");
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(placement);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return toSlot == null ? List.of() : List.of(toSlot);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "ReslotMove(VmPlacement.slot)";
    }

    @Override
    public String toString() {
        return placement + " -> " + toSlot;
    }
}
