package io.cloudopt.solvers.rescheduling.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/**
 * The Timefold plan of a rescheduling instance: the NUMA nodes of ACTIVE PMs, the groups and the
 * budget as facts, one {@link VmMove} per movable VM (instance order).
 */
@PlanningSolution
class ReschedulingPlan {
    @ProblemFactCollectionProperty
    private List<PmNuma> numas;

    @ProblemFactCollectionProperty
    private List<AffinityGroup> groups;

    @ProblemFactProperty
    private MigrationBudget budget;

    @PlanningEntityCollectionProperty
    private List<VmMove> vms;

    @PlanningScore
    private HardMediumSoftLongScore score;

    ReschedulingPlan() {
    }

    ReschedulingPlan(List<PmNuma> numas, List<AffinityGroup> groups, MigrationBudget budget, List<VmMove> vms) {
        this.numas = numas;
        this.groups = groups;
        this.budget = budget;
        this.vms = vms;
    }

    List<VmMove> vms() {
        return vms;
    }

    HardMediumSoftLongScore getScore() {
        return score;
    }

    void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
