package io.cloudopt.solvers.dvamp.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import io.cloudopt.model.dvamp.DvampWorkload;
import java.util.List;

/**
 * The Timefold plan of a dvamp instance: one {@link VmPlacement} per VM of the episode, in queue
 * order, and the workload the decoder reads (shared by every clone, never changed).
 */
@PlanningSolution
class DvampPlan {
    private DvampWorkload workload;

    @PlanningEntityCollectionProperty
    private List<VmPlacement> placements;

    @PlanningScore
    private HardSoftLongScore score;

    DvampPlan() {
    }

    DvampPlan(DvampWorkload workload, List<VmPlacement> placements) {
        this.workload = workload;
        this.placements = placements;
    }

    DvampWorkload workload() {
        return workload;
    }

    List<VmPlacement> placements() {
        return placements;
    }

    HardSoftLongScore getScore() {
        return score;
    }

    void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
