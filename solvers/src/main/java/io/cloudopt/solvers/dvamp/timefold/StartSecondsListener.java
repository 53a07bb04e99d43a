package io.cloudopt.solvers.dvamp.timefold;

import ai.timefold.solver.core.api.domain.variable.VariableListener;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import io.cloudopt.model.dvamp.DvampDecoder;
import java.util.List;
import java.util.Objects;

/**
 * Keeps every {@code startSeconds} equal to the decoder's schedule of the current slots. Timefold
 * calls "before" at each slot change and "after" in a batch later; the first "after" of a batch
 * copies the changed slots into the decoder, which redoes the VMs from the smallest changed index
 * once, and only the starts that moved are reported to the score director.
 *
 * <p>Timefold 1.32 marks custom variable listeners for removal in favour of declarative shadow
 * variables, which cannot express one decode for a batch of changes; revisit on moving to 2.x.
 */
@SuppressWarnings("removal")
public final class StartSecondsListener implements VariableListener<DvampPlan, VmPlacement> {
    private DvampDecoder decoder;
    private List<VmPlacement> placements;
    private int pendingFrom = Integer.MAX_VALUE;
    private int pendingTo = -1;

    @Override
    public void resetWorkingSolution(ScoreDirector<DvampPlan> scoreDirector) {
        DvampPlan plan = scoreDirector.getWorkingSolution();
        placements = plan.placements();
        decoder = new DvampDecoder(plan.workload(), placements.size());
        for (VmPlacement placement : placements) {
            decoder.setSlot(placement.index(), slotOf(placement));
        }
        decoder.invalidateFrom(0);
        pendingFrom = Integer.MAX_VALUE;
        pendingTo = -1;
        publish(scoreDirector, decoder.decode());
    }

    @Override
    public void beforeVariableChanged(ScoreDirector<DvampPlan> scoreDirector, VmPlacement placement) {
        pendingFrom = Math.min(pendingFrom, placement.index());
        pendingTo = Math.max(pendingTo, placement.index());
    }

    @Override
    public void afterVariableChanged(ScoreDirector<DvampPlan> scoreDirector, VmPlacement placement) {
        decoder.setSlot(placement.index(), slotOf(placement));
        if (pendingTo >= 0) {
            for (int j = pendingFrom; j <= pendingTo; j++) {
                decoder.setSlot(j, slotOf(placements.get(j)));
            }
            pendingFrom = Integer.MAX_VALUE;
            pendingTo = -1;
        }
        publish(scoreDirector, decoder.decode());
    }

    private void publish(ScoreDirector<DvampPlan> scoreDirector, int from) {
        for (int j = from, n = decoder.count(); j < n; j++) {
            long start = decoder.startSeconds(j);
            Long value = start == DvampDecoder.NOT_PLACED ? null : start;
            VmPlacement placement = placements.get(j);
            if (!Objects.equals(placement.getStartSeconds(), value)) {
                scoreDirector.beforeVariableChanged(placement, "startSeconds");
                placement.setStartSeconds(value);
                scoreDirector.afterVariableChanged(placement, "startSeconds");
            }
        }
    }

    private static int slotOf(VmPlacement placement) {
        return placement.getSlot() == null ? DvampDecoder.NO_SLOT : placement.getSlot();
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<DvampPlan> scoreDirector, VmPlacement placement) {
        // The VM list is fixed: entities are never added.
    }

    @Override
    public void afterEntityAdded(ScoreDirector<DvampPlan> scoreDirector, VmPlacement placement) {
        // The VM list is fixed: entities are never added.
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<DvampPlan> scoreDirector, VmPlacement placement) {
        // The VM list is fixed: entities are never removed.
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<DvampPlan> scoreDirector, VmPlacement placement) {
        // The VM list is fixed: entities are never removed.
    }
}
