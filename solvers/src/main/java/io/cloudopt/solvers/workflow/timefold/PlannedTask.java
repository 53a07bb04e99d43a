package io.cloudopt.solvers.workflow.timefold;

/** A task as a value of the list variable: its global index (workflows in order, tasks in DAX order). */
final class PlannedTask {
    private final int index;

    PlannedTask(int index) {
        this.index = index;
    }

    int index() {
        return index;
    }

    @Override
    public String toString() {
        return "task" + index;
    }
}
