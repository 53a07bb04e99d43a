package io.cloudopt.solvers.dvamp.timefold;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The score of problems/dvamp.md §8. Hard: a VM with a slot the decoder cannot place (outside its
 * shape's range, as an imported solution may have); 0 for every plan the solver builds. Soft: the
 * total wait −Σ (st_j − at_j).
 */
public final class DvampConstraints implements ConstraintProvider {
    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {vmNotPlaced(factory), waitSeconds(factory)};
    }

    Constraint vmNotPlaced(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .filter(placement -> placement.getStartSeconds() == null)
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint("VM not placed");
    }

    Constraint waitSeconds(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .filter(placement -> placement.getStartSeconds() != null
                        && placement.getStartSeconds() > placement.arrivalSeconds())
                .penalizeLong(HardSoftLongScore.ONE_SOFT, VmPlacement::waitSeconds)
                .asConstraint("Wait seconds");
    }
}
