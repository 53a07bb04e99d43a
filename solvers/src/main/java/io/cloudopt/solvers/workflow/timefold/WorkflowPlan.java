package io.cloudopt.solvers.workflow.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/**
 * The Timefold plan of a workflow instance: the VM slots with their task lists, the tasks, and the
 * re-timing data the score reads (shared by every clone, never changed).
 */
@PlanningSolution
class WorkflowPlan {
    private WorkflowRetiming retiming;

    @PlanningEntityCollectionProperty
    private List<VmSlot> slots;

    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "tasks")
    private List<PlannedTask> tasks;

    @PlanningScore
    private HardMediumSoftLongScore score;

    WorkflowPlan() {
    }

    WorkflowPlan(WorkflowRetiming retiming, List<VmSlot> slots, List<PlannedTask> tasks) {
        this.retiming = retiming;
        this.slots = slots;
        this.tasks = tasks;
    }

    WorkflowRetiming retiming() {
        return retiming;
    }

    List<VmSlot> slots() {
        return slots;
    }

    HardMediumSoftLongScore getScore() {
        return score;
    }

    void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    /** Task indices of each slot in run order. */
    int[][] slotTasks() {
        int[][] lists = new int[slots.size()][];
        for (int v = 0; v < lists.length; v++) {
            List<PlannedTask> list = slots.get(v).getTasks();
            lists[v] = new int[list.size()];
            for (int i = 0; i < lists[v].length; i++) {
                lists[v][i] = list.get(i).index();
            }
        }
        return lists;
    }

    int[] slotTypes() {
        return slots.stream().mapToInt(VmSlot::type).toArray();
    }
}
