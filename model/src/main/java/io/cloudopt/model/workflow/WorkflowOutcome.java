package io.cloudopt.model.workflow;

/**
 * The totals of a simulator run, as GATES reports them: VM_cost, SLA_penalty, missDeadlineNum,
 * VM_totHour (billed hours) and VM_execHour (busy hours), plus the number of decisions.
 */
public record WorkflowOutcome(double vmCost, double penalty, int missedDeadlines, int decisions, int billedHours,
                              double busyHours) {
    /** −reward: VM cost + penalties (a double sum, as in the original). */
    public double totalCost() {
        return vmCost + penalty;
    }
}
