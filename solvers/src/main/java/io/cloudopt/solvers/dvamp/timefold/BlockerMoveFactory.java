package io.cloudopt.solvers.dvamp.timefold;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * "Move the blocker" (problems/dvamp.md §8): take a waiting VM j (the most-waiting one half of the
 * time, else a random waiting one), pick a blocker, an earlier VM on one of j's nodes that started
 * before st_j and was still running after at_j, and put the blocker on another slot of its shape.
 */
public final class BlockerMoveFactory implements MoveIteratorFactory<DvampPlan, ReslotMove> {
    @Override
    public long getSize(ScoreDirector<DvampPlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().placements().size();
    }

    @Override
    public Iterator<ReslotMove> createOriginalMoveIterator(ScoreDirector<DvampPlan> scoreDirector) {
        throw new UnsupportedOperationException("The BlockerMoveFactory supports only random selection."
                + "\nMaybe set selectionOrder RANDOM on its move selector.");
    }

    @Override
    public Iterator<ReslotMove> createRandomMoveIterator(ScoreDirector<DvampPlan> scoreDirector, Random random) {
        List<VmPlacement> placements = scoreDirector.getWorkingSolution().placements();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !placements.isEmpty();
            }

            @Override
            public ReslotMove next() {
                if (placements.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return blockerMove(placements, random);
            }
        };
    }

    static ReslotMove blockerMove(List<VmPlacement> placements, Random random) {
        int n = placements.size();
        int[] waiting = new int[n];
        int waitingCount = 0;
        int mostWaiting = -1;
        long mostWait = 0;
        for (VmPlacement placement : placements) {
            if (placement.getStartSeconds() != null && placement.waitSeconds() > 0) {
                waiting[waitingCount++] = placement.index();
                if (placement.waitSeconds() > mostWait) {
                    mostWait = placement.waitSeconds();
                    mostWaiting = placement.index();
                }
            }
        }
        VmPlacement any = placements.get(random.nextInt(n));
        if (waitingCount == 0) {
            return new ReslotMove(any, any.getSlot());
        }
        VmPlacement victim = placements.get(random.nextBoolean() ? mostWaiting : waiting[random.nextInt(waitingCount)]);
        long start = victim.getStartSeconds();
        int[] blockers = new int[victim.index()];
        int blockerCount = 0;
        for (int l = 0; l < victim.index(); l++) {
            VmPlacement other = placements.get(l);
            Long otherStart = other.getStartSeconds();
            if (otherStart != null && otherStart < start && otherStart + other.lifetimeSeconds() > victim.arrivalSeconds()
                    && other.sharesNodeWith(victim)) {
                blockers[blockerCount++] = l;
            }
        }
        VmPlacement moved = blockerCount == 0 ? victim : placements.get(blockers[random.nextInt(blockerCount)]);
        List<Integer> range = moved.getSlotRange();
        Integer toSlot = range.get(random.nextInt(range.size()));
        return new ReslotMove(moved, toSlot);
    }
}
