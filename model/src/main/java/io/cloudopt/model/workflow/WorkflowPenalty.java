package io.cloudopt.model.workflow;

/** The deadline penalty: a fixed charge per late workflow plus a charge per hour of lateness. */
public record WorkflowPenalty(double usdPerLateWorkflow, double usdPerLateHour) {
}
