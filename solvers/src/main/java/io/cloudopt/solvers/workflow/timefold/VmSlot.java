package io.cloudopt.solvers.workflow.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * A VM that may be rented (problems/workflow.md §8): a fixed type and the tasks it runs, in run
 * order. An empty slot is not rented.
 */
@PlanningEntity
class VmSlot {
    @PlanningId
    private Integer index;
    private int type;

    @PlanningListVariable(valueRangeProviderRefs = "tasks")
    private List<PlannedTask> tasks;

    VmSlot() {
    }

    VmSlot(int index, int type, List<PlannedTask> tasks) {
        this.index = index;
        this.type = type;
        this.tasks = new ArrayList<>(tasks);
    }

    Integer getIndex() {
        return index;
    }

    int type() {
        return type;
    }

    List<PlannedTask> getTasks() {
        return tasks;
    }

    void setTasks(List<PlannedTask> tasks) {
        this.tasks = tasks;
    }

    @Override
    public String toString() {
        return "slot" + index + "(type " + type + ")";
    }
}
