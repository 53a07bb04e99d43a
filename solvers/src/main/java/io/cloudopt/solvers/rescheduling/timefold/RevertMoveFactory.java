package io.cloudopt.solvers.rescheduling.timefold;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * "Revert to origin" (problems/rescheduling.md §8): a random VM that is away from its origin goes
 * home. When every VM is home the move is not doable.
 */
public final class RevertMoveFactory implements MoveIteratorFactory<ReschedulingPlan, RevertMove> {
    @Override
    public long getSize(ScoreDirector<ReschedulingPlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().vms().size();
    }

    @Override
    public Iterator<RevertMove> createOriginalMoveIterator(ScoreDirector<ReschedulingPlan> scoreDirector) {
        throw new UnsupportedOperationException("The RevertMoveFactory supports only random selection."
                + "\nMaybe set selectionOrder RANDOM on its move selector.");
    }

    @Override
    public Iterator<RevertMove> createRandomMoveIterator(ScoreDirector<ReschedulingPlan> scoreDirector,
                                                         Random random) {
        List<VmMove> vms = scoreDirector.getWorkingSolution().vms();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !vms.isEmpty();
            }

            @Override
            public RevertMove next() {
                if (vms.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return new RevertMove(pick(vms, random));
            }
        };
    }

    /** A uniformly random VM away from its origin, or any VM (a non-doable move) when none is. */
    static VmMove pick(List<VmMove> vms, Random random) {
        int away = 0;
        for (VmMove vm : vms) {
            away += vm.getLocation() != vm.origin() ? 1 : 0;
        }
        if (away == 0) {
            return vms.get(random.nextInt(vms.size()));
        }
        int chosen = random.nextInt(away);
        for (VmMove vm : vms) {
            if (vm.getLocation() != vm.origin() && chosen-- == 0) {
                return vm;
            }
        }
        throw new IllegalStateException("unreachable: " + away + " VMs away from their origin");
    }
}
